import SandboxHTTP
import SandboxJSON

/// What a handler receives: the request, the path parameters and the authenticated token.
public struct RouteContext: Sendable {
    /// The request.
    public let request: HTTPRequest
    /// Path parameters by name.
    public let parameters: PathParameters
    /// The token that passed the header checks.
    public let token: AccessToken
    /// The JSON body's object; empty when there was no JSON body.
    public let body: JSONObject
}

/// One operation: method, path pattern, the scope it needs and what it does.
public struct Route: Sendable {
    /// What a route does once the headers have been checked.
    public enum Action: Sendable {
        /// Emulated: the handler answers.
        case handler(@Sendable (RouteContext) throws(APIError) -> HTTPResponse)
        /// Documented by HighLevel but not emulated yet: a JSON 501 says so.
        case notEmulated
    }

    /// The method.
    public let method: HTTPMethod
    /// The path pattern.
    public let pattern: RoutePattern
    /// The OAuth scope the spec requires, or nil where the spec names none.
    public let scope: Scope?
    /// The action.
    public let action: Action

    /// Creates a route.
    public init(_ method: HTTPMethod, _ pattern: String, scope: Scope?, action: Action) {
        self.method = method
        self.pattern = RoutePattern(pattern)
        self.scope = scope
        self.action = action
    }
}
