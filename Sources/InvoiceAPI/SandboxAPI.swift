import Foundation
import InvoiceDomain
import SandboxHTTP
import SandboxJSON

/// HighLevel's Invoices API over an in-memory store, plus the sandbox's control API under `/_sandbox/`.
public struct SandboxAPI: HTTPResponder {
    private let router: Router
    private let authenticator: Authenticator
    private let state: SandboxState
    private let control: ControlAPI
    private let journal: RequestJournal
    private let faults: FaultRules
    private let reportInternalError: @Sendable (String) -> Void

    /// Creates the API over a store and the tokens it accepts; internal errors are reported, never sent.
    ///
    /// `baseline` is what `POST /_sandbox/reset` restores; nil means the store and tokens as they are now.
    public init(
        store: InvoiceStore, tokens: [AccessToken], configuration: APIConfiguration = APIConfiguration(),
        baseline: SeedData? = nil, controlAccess: ControlAccess = .open, journalCapacity: Int = 10_000,
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
        self.authenticator = Authenticator(configuration: configuration)
        self.state = SandboxState(store: store, tokens: tokens)
        self.journal = RequestJournal(capacity: journalCapacity)
        self.faults = FaultRules()
        let resetTo =
            baseline.map {
                ControlAPI.Baseline(
                    tokens: $0.tokens, records: InvoiceStore.Records(invoices: $0.invoices, schedules: $0.schedules))
            } ?? ControlAPI.Baseline(tokens: tokens, records: store.records())
        self.control = ControlAPI(
            state: state, journal: journal, faults: faults, baseline: resetTo, access: controlAccess,
            acceptedVersions: configuration.acceptedVersions)
        self.reportInternalError = reportInternalError
    }

    /// The store and tokens, as the control API may have changed them.
    public var sandboxState: SandboxState { state }

    /// Control requests go to the control API; every other request is a HighLevel request: a fault rule may
    /// answer, delay or drop it, and it is recorded in the journal with what it got.
    public func respond(to request: HTTPRequest) -> HTTPResponse {
        if ControlAPI.owns(request.rawPath) {
            return control.respond(to: request)
        }
        let arrival = Date()
        let start = ContinuousClock.now
        let body = Result { () throws(APIError) in try RequestBody.parse(request) }
        let locationId = Self.locationId(request, body: (try? body.get()) ?? nil)
        let fault = faults.take(method: request.method.rawValue, path: request.path, locationId: locationId)
        var response = fault.flatMap { ControlAPI.response(for: $0.action) } ?? respond(to: request, body: body)
        if let fault { response.delay = fault.latency }
        if journal.capacity > 0 {
            let truncated = request.body.count > RequestJournal.maxBodyBytes
            journal.record(
                RequestJournal.Entry(
                    sequence: 0, time: arrival, method: request.method.rawValue, path: request.path,
                    query: request.query, headers: RequestJournal.masked(request.headers),
                    body: truncated ? Array(request.body.prefix(RequestJournal.maxBodyBytes)) : request.body,
                    bodyTruncated: truncated, locationId: locationId,
                    status: response.closesWithoutAnswer ? nil : response.status,
                    duration: ContinuousClock.now - start + response.delay, faultId: fault?.id))
        }
        return response
    }

    /// Routes, checks the headers, runs the handler; every refusal becomes its exact body.
    private func respond(to request: HTTPRequest, body: Result<JSONObject?, APIError>) -> HTTPResponse {
        let parsed: JSONObject?
        switch body {
        case .success(let object): parsed = object
        case .failure(let error): return Responses.error(error)
        }
        guard case .found(let route, let parameters) = router.match(method: request.method, path: request.rawPath)
        else {
            return Responses.error(.routeNotFound(method: request.method.rawValue, target: request.target))
        }
        return state.reading { tokens, _ in
            do throws(APIError) {
                let token = try authenticator.authenticate(request.headers, requiring: route.scope, tokens: tokens)
                switch route.action {
                case .handler(let handler):
                    return try handler(
                        RouteContext(
                            request: request, parameters: parameters, token: token, body: parsed ?? JSONObject()))
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
    }

    /// The location a request names: `altId` in the query, else in the JSON body.
    static func locationId(_ request: HTTPRequest, body: JSONObject?) -> String? {
        if let altId = request.query.first(where: { $0.name == "altId" })?.value { return altId }
        if case .string(let altId)? = body?["altId"] { return altId }
        return nil
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

    /// Every HighLevel route, emulated or not.
    public var routes: [Route] { router.allRoutes }
}
