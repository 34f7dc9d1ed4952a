import SandboxJSON

/// class-validator 0.13's `ValidationExecutor` over a parsed JSON body, with the options of HighLevel's pipe
/// (`whitelist`, `forbidNonWhitelisted`), followed by NestJS's flattening into the 422 `message` array.
enum DTOValidator {
    /// The 422 messages for `object` validated as `schema`; empty when it is valid.
    static func messages(for object: JSONObject, as schema: DTOSchema) -> [String] {
        NestMessageFlattener.messages(from: failures(in: object, as: schema))
    }

    /// The failure tree, empty failures stripped as class-validator strips them.
    static func failures(in object: JSONObject, as schema: DTOSchema) -> [ValidationFailure] {
        ValidationFailure.strippingEmpty(execute(object, as: schema))
    }

    /// Unknown keys first (in JavaScript's key order), then every declared property in declaration order.
    private static func execute(_ object: JSONObject, as schema: DTOSchema) -> [ValidationFailure] {
        var failures: [ValidationFailure] = []
        for key in JavaScriptKeys.ownKeys(of: object) where !schema.declares(key) {
            let constraint = Constraint(type: "whitelistValidation", message: ValidationMessages.shouldNotExist(key))
            failures.append(ValidationFailure(property: key, constraints: [constraint]))
        }
        for property in schema.properties {
            failures.append(validate(object[property.name], named: property.name, with: property.decorators))
        }
        return failures
    }

    /// class-validator's `performValidations` for one property: `@IsOptional` may skip everything, then the
    /// rules run in order, then the nested validation.
    private static func validate(_ value: JSONValue?, named name: String, with decorators: [Decorator])
        -> ValidationFailure
    {
        var failure = ValidationFailure(property: name)
        if decorators.contains(where: \.isOptionalMarker), value == nil || value == .null {
            return failure
        }
        for decorator in decorators {
            if let constraint = decorator.violation(by: value, of: name) {
                failure.record(constraint)
            }
        }
        for case .validateNested(let schema, let each) in decorators {
            validateNested(value, as: schema, each: each, into: &failure)
        }
        return failure
    }

    /// `@ValidateNested`: an object is validated as the DTO; with `each`, an array's elements are, one child per
    /// index. Anything else fails on the property itself (class-validator 0.13 puts it there, not in a child).
    ///
    /// Unlike class-validator, an array is not accepted where a single DTO is expected, nor as an element of an
    /// array of DTOs: the sandbox's handlers read objects there, so such a body is refused with the same message.
    private static func validateNested(
        _ value: JSONValue?, as schema: DTOSchema, each: Bool, into failure: inout ValidationFailure
    ) {
        switch value {
        case nil:
            return  // class-validator skips nested validation of `undefined`.
        case .object(let object)?:
            failure.children += execute(object, as: schema)
        case .array(let elements)? where each:
            for (index, element) in elements.enumerated() {
                var elementFailure = ValidationFailure(property: String(index))
                if case .object(let object) = element {
                    elementFailure.children = execute(object, as: schema)
                } else {
                    // class-validator words it with the array property's name, not the index.
                    elementFailure.record(nestedConstraint(failure.property, each: each))
                }
                failure.children.append(elementFailure)
            }
        default:
            failure.record(nestedConstraint(failure.property, each: each))
        }
    }

    private static func nestedConstraint(_ property: String, each: Bool) -> Constraint {
        let message = ValidationMessages.nestedMustBeObjectOrArray(property)
        return Constraint(type: "nestedValidation", message: each ? ValidationMessages.eachValue(in: message) : message)
    }
}
