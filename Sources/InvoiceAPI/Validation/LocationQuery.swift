import SandboxJSON

/// `altId` and `altType`, validated as HighLevel's DTOs do (class-validator, unknown keys forbidden).
public struct LocationQuery: Sendable, Equatable {
    /// The location id.
    public var altId: String

    /// The only `altType` the Invoices API documents.
    public static let altTypes = ["location"]

    /// Validates query parameters; a repeated parameter arrives as an array, as Express's parser makes it.
    public static func validate(query: [(name: String, value: String)]) throws(APIError) -> LocationQuery {
        var object = JSONObject()
        for (name, value) in query {
            switch object[name] {
            case nil: object[name] = .string(value)
            case .array(var values)?:
                values.append(.string(value))
                object[name] = .array(values)
            case let existing?: object[name] = .array([existing, .string(value)])
            }
        }
        return try validate(object: object)
    }

    /// Validates a JSON object holding `altId` and `altType` and nothing else.
    public static func validate(object: JSONObject) throws(APIError) -> LocationQuery {
        var messages: [String] = []
        for key in object.keys where key != "altId" && key != "altType" {
            messages.append(ValidationMessages.shouldNotExist(key))
        }
        let altId = object["altId"]
        if case .string = altId {
        } else {
            messages.append(ValidationMessages.mustBeString("altId"))
        }
        if isEmpty(altId) {
            messages.append(ValidationMessages.shouldNotBeEmpty("altId"))
        }
        let altType = object["altType"]
        if case .string(let value)? = altType, altTypes.contains(value) {
        } else {
            messages.append(ValidationMessages.mustBeValidEnum("altType"))
        }
        if isEmpty(altType) {
            messages.append(ValidationMessages.shouldNotBeEmpty("altType"))
        }
        guard messages.isEmpty, case .string(let id)? = altId else { throw .validationFailed(messages) }
        return LocationQuery(altId: id)
    }

    /// class-validator's `isNotEmpty`: undefined, null and "" are empty.
    private static func isEmpty(_ value: JSONValue?) -> Bool {
        switch value {
        case nil, .null?: true
        case .string(let string)?: string.isEmpty
        default: false
        }
    }
}
