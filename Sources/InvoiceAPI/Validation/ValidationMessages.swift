/// class-validator 0.13's default messages; `property` is the property's own name (`$property`), which NestJS's
/// ValidationPipe then prefixes with the parent path (`invoiceItems.0.` + `qty must be …`).
public enum ValidationMessages {
    /// `@IsNotEmpty`.
    public static func shouldNotBeEmpty(_ property: String) -> String { "\(property) should not be empty" }
    /// `@IsString`.
    public static func mustBeString(_ property: String) -> String { "\(property) must be a string" }
    /// `@IsNumber`.
    public static func mustBeNumber(_ property: String) -> String {
        "\(property) must be a number conforming to the specified constraints"
    }
    /// `@IsBoolean`.
    public static func mustBeBoolean(_ property: String) -> String { "\(property) must be a boolean value" }
    /// `@IsEnum`.
    public static func mustBeValidEnum(_ property: String) -> String { "\(property) must be a valid enum value" }
    /// `@IsEmail`.
    public static func mustBeEmail(_ property: String) -> String { "\(property) must be an email" }
    /// `@IsArray`.
    public static func mustBeArray(_ property: String) -> String { "\(property) must be an array" }
    /// `@IsObject`.
    public static func mustBeObject(_ property: String) -> String { "\(property) must be an object" }
    /// HighLevel's own date rule on `issueDate` and `dueDate`.
    public static func mustBeDate(_ property: String) -> String { "\(property) must be in YYYY-MM-DD format" }
    /// `@ValidateNested` given something that is not an object.
    public static func nestedMustBeObjectOrArray(_ property: String) -> String {
        "nested property \(property) must be either object or array"
    }
    /// The prefix class-validator puts before the message of a rule declared with `{ each: true }`.
    public static func eachValue(in message: String) -> String { "each value in \(message)" }
    /// `forbidNonWhitelisted`.
    public static func shouldNotExist(_ property: String) -> String { "property \(property) should not exist" }
}
