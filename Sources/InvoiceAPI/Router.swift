import SandboxHTTP

/// Finds the route for a method and path; more literal segments win over parameters.
public struct Router: Sendable {
    /// The outcome of a lookup.
    public enum Match: Sendable {
        /// A route serves this method and path.
        case found(Route, parameters: [String: String])
        /// Nothing serves it (NestJS answers 404 for an unknown path and for a known path's other methods).
        case notFound
    }

    private let routes: [Route]

    /// Creates a router; routes are tried most specific first, then in the given order.
    public init(routes: [Route]) {
        self.routes = routes.enumerated()
            .sorted { ($0.element.pattern.specificity, -$0.offset) > ($1.element.pattern.specificity, -$1.offset) }
            .map(\.element)
    }

    /// The route for a request; HEAD is served by the GET route.
    public func match(method: HTTPMethod, path: String) -> Match {
        let wanted = method == .head ? .get : method
        for route in routes where route.method == wanted {
            if let parameters = route.pattern.match(path) {
                return .found(route, parameters: parameters)
            }
        }
        return .notFound
    }

    /// Every route.
    public var allRoutes: [Route] { routes }
}
