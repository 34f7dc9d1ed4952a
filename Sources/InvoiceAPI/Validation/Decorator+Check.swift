import SandboxJSON

extension Decorator {
    /// The constraint this decorator's rule adds for `value` (nil: missing), worded for `property`; nil when the
    /// rule holds or the decorator is not a rule (`@IsOptional`, `@ValidateNested`).
    func violation(by value: JSONValue?, of property: String) -> Constraint? {
        switch self {
        case .isOptional, .validateNested:
            return nil
        case .isNotEmpty:
            return Self.isEmpty(value)
                ? Constraint(type: "isNotEmpty", message: ValidationMessages.shouldNotBeEmpty(property)) : nil
        case .isString(let each):
            return Self.check(value, each: each, type: "isString", message: ValidationMessages.mustBeString(property)) {
                $0?.stringValue != nil
            }
        case .isNumber(let each):
            return Self.check(value, each: each, type: "isNumber", message: ValidationMessages.mustBeNumber(property)) {
                $0?.numberValue?.isFinite == true
            }
        case .isBoolean:
            return Self.check(value, type: "isBoolean", message: ValidationMessages.mustBeBoolean(property)) {
                $0?.boolValue != nil
            }
        case .isEnum(let values):
            return Self.check(value, type: "isEnum", message: ValidationMessages.mustBeValidEnum(property)) {
                $0?.stringValue.map(values.contains) == true
            }
        case .isEmail:
            return Self.check(value, type: "isEmail", message: ValidationMessages.mustBeEmail(property)) {
                $0?.stringValue.map(EmailAddress.isValid) == true
            }
        case .isArray(let each):
            return Self.check(value, each: each, type: "isArray", message: ValidationMessages.mustBeArray(property)) {
                $0?.arrayValue != nil
            }
        case .isObject(let each):
            return Self.check(
                value, each: each, type: "isObject", message: ValidationMessages.mustBeObject(property)
            ) {
                $0?.objectValue != nil
            }
        case .isDateOnly:
            return Self.check(value, type: "isDateOnly", message: ValidationMessages.mustBeDate(property)) {
                $0?.stringValue.map(CalendarDate.isValid) == true
            }
        }
    }

    /// class-validator's `isNotEmpty`: `undefined`, `null` and `""` are empty; `[]`, `{}`, `0` and `false` are not.
    static func isEmpty(_ value: JSONValue?) -> Bool {
        switch value {
        case nil, .null?: true
        case .string(let string)?: string.isEmpty
        default: false
        }
    }

    /// Runs `holds` on the value, or on each element when `each` is set and the value is an array (any other value
    /// is checked as a whole, as class-validator does); a rule with `each` words its message `each value in …`.
    private static func check(
        _ value: JSONValue?, each: Bool = false, type: String, message: String, _ holds: (JSONValue?) -> Bool
    ) -> Constraint? {
        let valid: Bool
        if each, case .array(let elements)? = value {
            valid = elements.allSatisfy { holds($0) }
        } else {
            valid = holds(value)
        }
        if valid { return nil }
        return Constraint(type: type, message: each ? ValidationMessages.eachValue(in: message) : message)
    }
}
