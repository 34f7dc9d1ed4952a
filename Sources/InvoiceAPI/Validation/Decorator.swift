/// The class-validator 0.13 decorators HighLevel's DTOs are assumed to carry, one case per decorator.
enum Decorator: Sendable {
    /// `@IsOptional()`: `null` and a missing key skip every other rule of the property.
    case isOptional
    /// `@IsNotEmpty()`: refuses a missing key, `null` and `""`.
    case isNotEmpty
    /// `@IsString()`, or `@IsString({ each: true })` for every element of an array.
    case isString(each: Bool)
    /// `@IsNumber()`: a finite JSON number (a numeric string is not one).
    case isNumber(each: Bool)
    /// `@IsBoolean()`: `true` or `false` only.
    case isBoolean
    /// `@IsEnum(…)` over string values.
    case isEnum([String])
    /// `@IsEmail()` with validator.js's default options.
    case isEmail
    /// `@IsArray()`, or `@IsArray({ each: true })` for every element.
    case isArray(each: Bool)
    /// `@IsObject()`: an object, not an array, not `null`; with `each`, every element of an array.
    case isObject(each: Bool)
    /// HighLevel's YYYY-MM-DD rule: four, two and two ASCII digits naming a real calendar day.
    case isDateOnly
    /// `@ValidateNested()` with `@Type(() => Dto)`; `each` for an array of DTOs.
    case validateNested(DTOSchema, each: Bool)

    /// Whether this is `@IsOptional()`.
    var isOptionalMarker: Bool {
        if case .isOptional = self { return true }
        return false
    }
}
