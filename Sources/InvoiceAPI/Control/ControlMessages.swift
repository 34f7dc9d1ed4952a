/// Every message of the control API (`/_sandbox/…`), defined once; tests compare against these.
public enum ControlMessages {
    /// 401 when a control token is configured and the request does not carry it.
    public static let controlTokenRequired =
        "The control API needs the sandbox's control token in the \(ControlAccess.tokenHeader) header"
    /// 400 for a body that is not JSON.
    public static func bodyNotJSON(_ detail: String) -> String { "Request body is not valid JSON: \(detail)" }
    /// 400 for a body that is missing.
    public static let bodyRequired = "Request body must be a JSON object"
    /// 400 for a query parameter that is empty or repeated.
    public static func badQuery(_ name: String) -> String { "Query parameter \(name) must be given once and not empty" }
    /// 400 for a query parameter with an unusable value.
    public static func badQueryValue(_ name: String, _ expected: String) -> String {
        "Query parameter \(name) must be \(expected)"
    }
    /// 400 for a record that cannot be stored, with the field at fault.
    public static func invalidRecord(_ kind: String, _ problem: String) -> String { "Invalid \(kind): \(problem)" }
    /// 400 when a record's id in the body differs from the one in the path.
    public static func idMismatch(_ field: String, _ id: String) -> String {
        "\(field) in the body must be \(id), the id in the path, or absent"
    }
    /// 400 when a request scoped to a location carries a record of another location.
    public static func outsideScope(_ kind: String, _ locationId: String) -> String {
        "Every \(kind) must belong to location \(locationId), the locationId of this request"
    }
    /// 404 for a record id that does not exist (or not in the request's location).
    public static func notFound(_ kind: String, _ id: String) -> String { "No \(kind) with id \(id)" }
    /// 409 for creating a record whose id exists.
    public static func alreadyExists(_ kind: String, _ id: String) -> String {
        "A \(kind) with id \(id) already exists"
    }
    /// 409 for changing a record of another location through a location-scoped request.
    public static func belongsElsewhere(_ kind: String, _ id: String) -> String {
        "The \(kind) \(id) belongs to another location than the locationId of this request"
    }
    /// 404 for a fault rule id that does not exist.
    public static func faultNotFound(_ id: String) -> String { "No fault rule with id \(id)" }
    /// 400 for an unusable fault rule.
    public static func invalidFault(_ problem: String) -> String { "Invalid fault rule: \(problem)" }
    /// 400 for a state document without one of its three arrays.
    public static func stateMissing(_ key: String) -> String { "State must have a \(key) array (use [] for none)" }
    /// The body of an injected 429 (the wording of NestJS's throttler, which HighLevel's services run on).
    public static let tooManyRequests = "ThrottlerException: Too Many Requests"
}
