import SandboxHTTP

/// Finds the route for a method and path; more literal segments win over parameters.
public struct Router: Sendable {
    /// The outcome of a lookup.
    public enum Match: Sendable {
        /// A route serves this method and path.
        case found(Route, parameters: PathParameters)
        /// Nothing serves it (NestJS answers 404 for an unknown path and for a known path's other methods).
        case notFound
    }

    private let routes: [Route]
    /// The routes by method and by number of segments, most specific first.
    private let index: [HTTPMethod: [Int: [Route]]]

    /// Creates a router; routes are tried most specific first, then in the given order.
    public init(routes: [Route]) {
        self.routes = routes.enumerated()
            .sorted { ($0.element.pattern.specificity, -$0.offset) > ($1.element.pattern.specificity, -$1.offset) }
            .map(\.element)
        var index: [HTTPMethod: [Int: [Route]]] = [:]
        for route in self.routes {
            index[route.method, default: [:]][route.pattern.segments.count, default: []].append(route)
        }
        self.index = index
    }

    /// The route for a request; HEAD is served by the GET route.
    public func match(method: HTTPMethod, path: String) -> Match {
        let parts = RoutePattern.split(path)
        for route in index[method == .head ? .get : method]?[parts.count] ?? [] {
            if let parameters = route.pattern.match(parts) {
                return .found(route, parameters: parameters)
            }
        }
        return .notFound
    }

    /// Every route.
    public var allRoutes: [Route] { routes }
}
