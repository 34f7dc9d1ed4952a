import SandboxJSON
import Testing

/// One row of a validation table: a body and the exact `message` array HighLevel's pipe answers for it.
struct ValidationCase: Sendable, CustomTestStringConvertible {
    /// What the row checks.
    let name: String
    /// The body's JSON text.
    let bodyText: String
    /// Whether `bodyText` is merged over a valid base body rather than sent as it is.
    let mergesOverBase: Bool
    /// Keys removed from the base body.
    let removing: [String]
    /// The expected messages, in order.
    let messages: [String]

    var testDescription: String { name }

    /// A body sent exactly as written.
    static func body(_ name: String, _ text: String, _ messages: [String]) -> ValidationCase {
        ValidationCase(name: name, bodyText: text, mergesOverBase: false, removing: [], messages: messages)
    }

    /// The valid base body with `members` replacing or adding keys (in place, as JSON.parse keeps positions) and
    /// `removing` keys taken out.
    static func base(
        _ name: String, _ members: String = "{}", removing: [String] = [], _ messages: [String]
    ) -> ValidationCase {
        ValidationCase(name: name, bodyText: members, mergesOverBase: true, removing: removing, messages: messages)
    }

    /// The body to validate, built over `base` when the row says so.
    func body(over base: JSONObject) throws -> JSONObject {
        guard case .object(let members) = try JSONParser.parse(bodyText) else { throw CaseError.notAnObject(name) }
        guard mergesOverBase else { return members }
        var body = base
        for key in removing {
            body.removeValue(forKey: key)
        }
        for member in members {
            body[member.key] = member.value
        }
        return body
    }

    enum CaseError: Error {
        case notAnObject(String)
    }
}
