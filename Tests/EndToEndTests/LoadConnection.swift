import InvoiceAPI
import SandboxJSON
import SandboxTesting

/// One client connection of the load test: sends a request, reads its answer, and decodes what it shows.
struct LoadConnection {
    private let client: RawHTTPClient
    /// The GET answers of the invoices before the load, by id.
    private let originals: [String: [UInt8]]

    init(client: RawHTTPClient, originals: [String: [UInt8]]) {
        self.client = client
        self.originals = originals
    }

    static let jsonHeaders = SandboxServer.headers() + [("Content-Type", "application/json")]
    static let cancelBody = JSONWriter.bytes(["altId": .string(SandboxServer.location), "altType": "location"])

    /// The documented 400 bodies the load may meet, byte for byte.
    static let documentedRefusals: [(body: [UInt8], outcome: LoadEvent.Outcome)] = [
        (Messages.invoiceNotFound, .invoiceNotFound), (Messages.invoiceNotDraft, .invoiceNotDraft),
        (Messages.scheduleAlreadyCancelled, .alreadyCancelled),
    ].map { message, outcome in
        (JSONWriter.bytes(["statusCode": 400, "message": .string(message)]), outcome)
    }

    /// Sends one request and returns it with its answer; throws only when the connection fails.
    func send(_ action: LoadEvent.Action, to target: String) throws -> LoadEvent {
        let sent = ContinuousClock.now
        let response: RawHTTPClient.Response
        switch action {
        case .get:
            response = try client.request("GET", SandboxServer.invoicePath(target), headers: SandboxServer.headers())
        case .put(let generation):
            response = try client.request(
                "PUT", "/invoices/\(target)", headers: Self.jsonHeaders,
                body: LoadGeneration(number: generation).body(location: SandboxServer.location))
        case .delete:
            response = try client.request(
                "DELETE", SandboxServer.invoicePath(target), headers: SandboxServer.headers())
        case .cancel:
            response = try client.request(
                "POST", "/invoices/schedule/\(target)/cancel", headers: Self.jsonHeaders, body: Self.cancelBody)
        }
        let answered = ContinuousClock.now
        let (outcome, record) = decode(response, of: action, to: target)
        return LoadEvent(
            action: action, target: target, sent: sent, answered: answered, outcome: outcome, record: record)
    }

    /// What an answer shows; for an invoice also its bytes without `totalSummary`.
    func decode(
        _ response: RawHTTPClient.Response, of action: LoadEvent.Action, to target: String
    ) -> (LoadEvent.Outcome, [UInt8]?) {
        let described = "\(response.status) \(response.text.prefix(300))"
        guard response.header("content-type") == "application/json; charset=utf-8" else {
            return (.unexpected("content type \(response.header("content-type") ?? "none"): \(described)"), nil)
        }
        switch response.status {
        case 200 where action == .cancel:
            let schedule = try? JSONParser.parse(response.body).objectValue
            guard schedule?["_id"] == .string(target), schedule?["status"] == "cancelled" else {
                return (.unexpected("cancel answer \(described)"), nil)
            }
            return (.cancelled, nil)
        case 200:
            return decodeInvoice(response.body, withSummary: action == .get, target: target)
        case 400:
            guard let refusal = Self.documentedRefusals.first(where: { $0.body == response.body }) else {
                return (.unexpected(described), nil)
            }
            return (refusal.outcome, nil)
        default:
            return (.unexpected(described), nil)
        }
    }

    private func decodeInvoice(_ body: [UInt8], withSummary: Bool, target: String) -> (LoadEvent.Outcome, [UInt8]?) {
        let text = String(decoding: body.prefix(300), as: UTF8.self)
        guard let record = withSummary ? Self.removingSummary(body) : body else {
            return (.unexpected("GET answer without totalSummary: \(text)"), nil)
        }
        if let original = originals[target], withSummary ? body == original : record == Self.removingSummary(original) {
            return (.original, record)
        }
        guard let object = try? JSONParser.parse(body).objectValue else {
            return (.unexpected("not a JSON object: \(text)"), nil)
        }
        guard object["_id"] == .string(target) else { return (.unexpected("another invoice: \(text)"), nil) }
        guard let number = object["name"]?.stringValue.flatMap(LoadGeneration.number(fromName:)) else {
            return (.unexpected("neither the original nor a PUT of the load: \(text)"), nil)
        }
        if let mismatch = LoadGeneration(number: number).mismatch(in: object, requireSummary: withSummary) {
            return (.unexpected("torn record: \(mismatch)"), nil)
        }
        return (.generation(number), record)
    }

    /// GET's body without its last member, `totalSummary`: the shape PUT and DELETE answer with.
    static func removingSummary(_ body: [UInt8]) -> [UInt8]? {
        let marker = Array(#","totalSummary":"#.utf8)
        guard body.count > marker.count else { return nil }
        for start in stride(from: body.count - marker.count, through: 0, by: -1)
        where body[start..<start + marker.count].elementsEqual(marker) {
            return Array(body[..<start]) + [UInt8(ascii: "}")]
        }
        return nil
    }
}
