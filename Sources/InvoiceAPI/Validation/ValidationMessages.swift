/// class-validator's default messages, with `$p` the dotted property path.
public enum ValidationMessages {
    /// `@IsNotEmpty`.
    public static func shouldNotBeEmpty(_ path: String) -> String { "\(path) should not be empty" }
    /// `@IsString`.
    public static func mustBeString(_ path: String) -> String { "\(path) must be a string" }
    /// `@IsEnum`.
    public static func mustBeValidEnum(_ path: String) -> String { "\(path) must be a valid enum value" }
    /// `forbidNonWhitelisted`.
    public static func shouldNotExist(_ path: String) -> String { "property \(path) should not exist" }
}
