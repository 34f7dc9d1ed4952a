import InvoiceDomain
import SandboxHTTP
import SandboxJSON

/// HighLevel's Invoices API over an in-memory store: the responder the HTTP server calls.
public struct SandboxAPI: HTTPResponder {
    private let router: Router
    private let authenticator: Authenticator
    private let reportInternalError: @Sendable (String) -> Void

    /// Creates the API over a store and the tokens it accepts; internal errors are reported, never sent.
    public init(
        store: InvoiceStore, tokens: [AccessToken], configuration: APIConfiguration = APIConfiguration(),
        reportInternalError: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        let emulated = [
            InvoiceRoutes.getInvoice(store: store), InvoiceWriteRoutes.updateInvoice(store: store),
            InvoiceWriteRoutes.deleteInvoice(store: store), InvoiceWriteRoutes.cancelSchedule(store: store),
        ]
        let documented = DocumentedOperations.all.compactMap { operation -> Route? in
            guard let method = HTTPMethod(rawValue: operation.method),
                !emulated.contains(where: { $0.method == method && $0.pattern.description == operation.path })
            else { return nil }
            return Route(method, operation.path, scope: operation.scope, action: .notEmulated)
        }
        self.router = Router(routes: emulated + documented)
        self.authenticator = Authenticator(tokens: tokens, configuration: configuration)
        self.reportInternalError = reportInternalError
    }

    /// Parses a JSON body, routes, checks the headers, runs the handler; every refusal becomes its exact body.
    public func respond(to request: HTTPRequest) -> HTTPResponse {
        let body: JSONObject?
        do throws(APIError) {
            body = try RequestBody.parse(request)
        } catch {
            return Responses.error(error)
        }
        guard case .found(let route, let parameters) = router.match(method: request.method, path: request.rawPath)
        else {
            return Responses.error(.routeNotFound(method: request.method.rawValue, target: request.target))
        }
        do throws(APIError) {
            let token = try authenticator.authenticate(request.headers, requiring: route.scope)
            switch route.action {
            case .handler(let handler):
                return try handler(
                    RouteContext(request: request, parameters: parameters, token: token, body: body ?? JSONObject()))
            case .notEmulated:
                throw .notEmulated(method: route.method.rawValue, pattern: route.pattern.description)
            }
        } catch {
            if case .internalError(let detail) = error {
                reportInternalError("\(request.method.rawValue) \(request.path): \(detail)")
            }
            return Responses.error(error)
        }
    }

    /// A JSON 400, 413, 414 or 431 for a request that could not be read.
    public func respond(toUnreadable failure: UnreadableRequest) -> HTTPResponse {
        switch failure {
        case .malformed: Responses.error(.malformedRequest)
        case .bodyTooLarge: Responses.error(.payloadTooLarge)
        case .headersTooLarge: Responses.error(.headersTooLarge)
        case .uriTooLong: Responses.error(.uriTooLong)
        }
    }

    /// Every route, emulated or not.
    public var routes: [Route] { router.allRoutes }
}
