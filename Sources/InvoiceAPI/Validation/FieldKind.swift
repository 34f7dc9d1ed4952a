/// What a DTO property holds, stated once and expanded into the decorators class-validator would run.
enum FieldKind: Sendable {
    /// `@IsString()`.
    case string
    /// `@IsNumber()`.
    case number
    /// `@IsBoolean()`.
    case boolean
    /// `@IsEnum(…)`.
    case enumeration([String])
    /// HighLevel's YYYY-MM-DD date.
    case date
    /// `@IsEmail()`.
    case email
    /// `@IsObject()`: any object, its keys unchecked.
    case object
    /// No rule at all: any value.
    case anything
    /// `@ValidateNested() @Type(() => Dto)`.
    case nested(DTOSchema)
    /// `@IsArray() @ValidateNested({ each: true }) @Type(() => Dto)`.
    case arrayOf(DTOSchema)
    /// `@IsArray() @IsString({ each: true })`.
    case strings
    /// `@IsArray() @IsNumber({}, { each: true })`.
    case numbers
    /// `@IsArray()`: an array of anything.
    /// `@IsArray() @IsObject({ each: true })`: an array of objects whose keys are not checked.
    case objects
    case array

    /// The decorators, in the order they run; `@ValidateNested` always runs after the others.
    var decorators: [Decorator] {
        switch self {
        case .string: [.isString(each: false)]
        case .number: [.isNumber(each: false)]
        case .boolean: [.isBoolean]
        case .enumeration(let values): [.isEnum(values)]
        case .date: [.isDateOnly]
        case .email: [.isEmail]
        case .object: [.isObject(each: false)]
        case .anything: []
        case .nested(let schema): [.validateNested(schema, each: false)]
        case .arrayOf(let schema): [.isArray(each: false), .validateNested(schema, each: true)]
        case .strings: [.isArray(each: false), .isString(each: true)]
        case .numbers: [.isArray(each: false), .isNumber(each: true)]
        case .array: [.isArray(each: false)]
        case .objects: [.isArray(each: false), .isObject(each: true)]
        }
    }

    /// The DTO this kind validates inside its value, if any.
    var nestedSchema: DTOSchema? {
        switch self {
        case .nested(let schema), .arrayOf(let schema): schema
        default: nil
        }
    }
}
