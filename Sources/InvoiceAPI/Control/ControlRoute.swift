import SandboxHTTP
import SandboxJSON

/// What a control handler receives.
struct ControlContext {
    /// The request.
    let request: HTTPRequest
    /// Path parameters by name.
    let parameters: PathParameters
    /// The `locationId` query parameter: the location the operation is confined to, if any.
    let scope: String?
    /// The parsed body; nil when the request had none.
    let body: JSONValue?

    /// The body, which the route requires to be a JSON object.
    func requireObject() throws(APIError) -> JSONObject {
        guard case .object(let object)? = body else {
            throw .control(status: 400, message: ControlMessages.bodyRequired)
        }
        return object
    }

    /// A path parameter the pattern guarantees.
    func parameter(_ name: String) -> String {
        parameters[name] ?? ""
    }

    /// The single value of a query parameter, if given.
    func query(_ name: String) throws(APIError) -> String? {
        try Self.query(name, of: request)
    }

    /// The single value of a query parameter of `request`, if given; empty or repeated is a 400.
    static func query(_ name: String, of request: HTTPRequest) throws(APIError) -> String? {
        let values = request.queryValues(name)
        guard !values.isEmpty else { return nil }
        guard values.count == 1, !values[0].isEmpty else {
            throw .control(status: 400, message: ControlMessages.badQuery(name))
        }
        return values[0]
    }
}

/// One control operation.
struct ControlRoute: Sendable {
    let method: HTTPMethod
    let pattern: RoutePattern
    let handler: @Sendable (ControlContext) throws(APIError) -> HTTPResponse

    init(
        _ method: HTTPMethod, _ pattern: String,
        _ handler: @escaping @Sendable (ControlContext) throws(APIError) -> HTTPResponse
    ) {
        self.method = method
        self.pattern = RoutePattern(pattern)
        self.handler = handler
    }
}
