import SandboxHTTP
import SandboxJSON

/// `altId` and `altType`, validated as HighLevel's DTOs do (class-validator, unknown keys forbidden).
public struct LocationQuery: Sendable, Equatable {
    /// The location id.
    public var altId: String

    /// The only `altType` the Invoices API documents.
    public static let altTypes = InvoiceSchemas.altTypes

    /// The query DTO of GET and DELETE /invoices/{invoiceId}.
    static let schema = DTOSchema(
        "AltDto", [.required("altId", .string), .required("altType", .enumeration(altTypes))])

    /// Validates query parameters; a repeated parameter arrives as an array, as Express's parser makes it.
    public static func validate(query: [QueryItem]) throws(APIError) -> LocationQuery {
        // The common, valid shape needs no validator run: exactly a non-empty altId and altType=location.
        if query.count == 2 {
            let (first, second) = (query[0], query[1])
            let pair =
                first.name == "altId" && second.name == "altType"
                ? (first.value, second.value)
                : first.name == "altType" && second.name == "altId" ? (second.value, first.value) : nil
            if let (altId, altType) = pair, !altId.isEmpty, altTypes.contains(altType) {
                return LocationQuery(altId: altId)
            }
        }
        var object = JSONObject()
        for item in query {
            switch object[item.name] {
            case nil: object[item.name] = .string(item.value)
            case .array(var values)?:
                values.append(.string(item.value))
                object[item.name] = .array(values)
            case let existing?: object[item.name] = .array([existing, .string(item.value)])
            }
        }
        return try validate(object: object)
    }

    /// Validates a JSON object holding `altId` and `altType` and nothing else.
    public static func validate(object: JSONObject) throws(APIError) -> LocationQuery {
        let messages = DTOValidator.messages(for: object, as: schema)
        guard messages.isEmpty, case .string(let id)? = object["altId"] else { throw .validationFailed(messages) }
        return LocationQuery(altId: id)
    }
}
