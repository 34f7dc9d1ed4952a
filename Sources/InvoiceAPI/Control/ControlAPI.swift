import Foundation
import InvoiceDomain
import SandboxHTTP
import SandboxJSON

/// The sandbox's own API under `/_sandbox/`: health, reset, fixtures, snapshots, the request journal and
/// fault rules. No HighLevel route starts with `/_sandbox`, so it cannot shadow one.
struct ControlAPI: Sendable {
    /// The path prefix of every control route.
    static let prefix = "/_sandbox"

    /// The records a reset restores.
    struct Baseline: Sendable {
        var tokens: [AccessToken]
        var records: InvoiceStore.Records
    }

    let state: SandboxState
    let journal: RequestJournal
    let faults: FaultRules
    let baseline: Baseline
    let access: ControlAccess
    let acceptedVersions: Set<String>
    let startedAt = (clock: ContinuousClock.now, date: Date())
    private var routes: [ControlRoute] = []

    init(
        state: SandboxState, journal: RequestJournal, faults: FaultRules, baseline: Baseline, access: ControlAccess,
        acceptedVersions: Set<String>
    ) {
        self.state = state
        self.journal = journal
        self.faults = faults
        self.baseline = baseline
        self.access = access
        self.acceptedVersions = acceptedVersions
        routes =
            [ControlRoute(.get, "/_sandbox/health", health), ControlRoute(.post, "/_sandbox/reset", reset)]
            + invoiceRoutes + scheduleRoutes + tokenRoutes + stateRoutes + journalRoutes + faultRoutes
    }

    /// Whether a path belongs to the control API.
    static func owns(_ rawPath: String) -> Bool {
        rawPath == prefix || rawPath.hasPrefix(prefix + "/")
    }

    /// Answers a control request; every refusal is a JSON body.
    func respond(to request: HTTPRequest) -> HTTPResponse {
        let parts = RoutePattern.split(request.rawPath)
        let method = request.method == .head ? .get : request.method
        var found: (ControlRoute, PathParameters)?
        for route in routes where route.method == method {
            if let parameters = route.pattern.match(parts) {
                found = (route, parameters)
                break
            }
        }
        let isHealth = found?.0.pattern.description == "/_sandbox/health"
        guard let (route, parameters) = found, access != .disabled || isHealth else {
            return Responses.error(.routeNotFound(method: request.method.rawValue, target: request.target))
        }
        do throws(APIError) {
            if !isHealth { try access.authorize(request.headers) }
            var body: JSONValue?
            if !request.body.isEmpty {
                do {
                    body = try JSONParser.parse(request.body)
                } catch {
                    throw .control(status: 400, message: ControlMessages.bodyNotJSON(error.description))
                }
            }
            let context = ControlContext(
                request: request, parameters: parameters,
                scope: try ControlContext.query("locationId", of: request), body: body)
            return try route.handler(context)
        } catch {
            return Responses.error(error)
        }
    }

    /// GET /_sandbox/health: 200 once the store is loaded (it always is by the time the port is open).
    private func health(_ context: ControlContext) throws(APIError) -> HTTPResponse {
        let elapsed = ContinuousClock.now - startedAt.clock
        let uptime = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let counts: (invoices: Int, schedules: Int) =
            context.scope.map { state.store.counts(locationId: $0) } ?? state.store.counts
        let tokens = state.allTokens.filter { token in context.scope.map { token.locationIds.contains($0) } ?? true }
        let journalCounts = journal.counts
        var countsObject: JSONObject = [
            "tokens": .number(Double(tokens.count)), "invoices": .number(Double(counts.invoices)),
            "schedules": .number(Double(counts.schedules)),
            "faults": .number(Double(faults.list(locationId: context.scope).count)),
            "journal": .number(Double(journalCounts.held)),
        ]
        if let scope = context.scope { countsObject["locationId"] = .string(scope) }
        return Responses.json(
            200,
            [
                "status": "ok", "version": .string(SandboxVersion.current),
                "apiVersions": .array(acceptedVersions.sorted().map { .string($0) }),
                "startedAt": .string(Timestamp.format(startedAt.date)),
                "uptimeSeconds": .number((uptime * 1000).rounded() / 1000), "controlAPI": .string(access.name),
                "counts": .object(countsObject),
            ])
    }

    /// POST /_sandbox/reset: the seed's records and tokens (of one location with `?locationId=`), no fault
    /// rules and an empty journal, all at once.
    private func reset(_ context: ControlContext) throws(APIError) -> HTTPResponse {
        let scope = context.scope
        let records = baseline.records.filtered(locationId: scope)
        let seedTokens = baseline.tokens.filter { token in scope.map { token.belongsOnly(to: $0) } ?? true }
        try state.changing { (tokens, store) throws(APIError) in
            do throws(DomainError) {
                try store.replaceRecords(records, locationId: scope)
            } catch {
                throw .control(status: 409, message: ControlJSON.clash(error))
            }
            tokens.replace(with: seedTokens, locationId: scope)
        }
        faults.clear(locationId: scope)
        journal.clear(locationId: scope)
        let answer: JSONObject = [
            "reset": scope.map { .string($0) } ?? "all", "tokens": .number(Double(seedTokens.count)),
            "invoices": .number(Double(records.invoices.count)), "schedules": .number(Double(records.schedules.count)),
        ]
        return Responses.json(200, .object(answer))
    }
}

/// The sandbox's own version, reported by the health route.
public enum SandboxVersion {
    /// The version of this build.
    public static let current = "0.5.0"
}

extension TokenTable {
    /// Replaces the tokens of a location (those that can use it and no other) with `tokens`; nil replaces
    /// every token.
    mutating func replace(with tokens: [AccessToken], locationId: String?) {
        guard let locationId else {
            self = TokenTable(tokens)
            return
        }
        for token in all where token.belongsOnly(to: locationId) {
            remove(token.token)
        }
        for token in tokens { put(token) }
    }
}

extension AccessToken {
    /// Whether the token can use this location and no other: it belongs to that location's tests.
    func belongsOnly(to locationId: String) -> Bool {
        locationIds == [locationId]
    }
}
