import InvoiceAPI
import SandboxHTTP

/// Inputs that reach the API without a socket: `A` (request scripts) and `B` (bodies for a chosen route).
struct APIInputs: Sendable {
    let fixture: FuzzFixture

    /// `A`: every request of the script against one fresh store, so earlier writes shape later answers.
    func runScript(_ bytes: ArraySlice<UInt8>) -> [String] {
        let api = fixture.freshAPI()
        return RequestScript.requests(bytes).flatMap { problems(api.respond(to: $0), for: $0) }
    }

    /// `B`: the second byte picks a route (`P` PUT, `D` DELETE, `C` cancel, `G` GET), the third a seeded record;
    /// the rest is the JSON body (the query for `G`). A write that succeeds is followed by a read and a repeat,
    /// which read the stored record back.
    func runBody(_ bytes: ArraySlice<UInt8>) -> [String] {
        let routeByte = bytes.first ?? 0
        let recordByte = bytes.dropFirst().first ?? 0
        let rest = Array(bytes.dropFirst(2))
        let invoices = fixture.seed.invoices
        let schedules = fixture.seed.schedules
        let invoice = invoices[Int(recordByte) % invoices.count]
        let schedule = schedules[Int(recordByte) % schedules.count]
        let read = Self.request(.get, "/invoices/\(invoice.id)?altId=\(invoice.locationId)&altType=location")
        let requests: [HTTPRequest]
        switch BodyRoute(selector: routeByte) {
        case .put:
            let put = Self.request(.put, "/invoices/\(invoice.id)", body: rest)
            requests = [put, read, put]
        case .delete:
            let delete = Self.request(.delete, "/invoices/\(invoice.id)", body: rest)
            requests = [delete, read, delete]
        case .cancel:
            let cancel = Self.request(.post, "/invoices/schedule/\(schedule.id)/cancel", body: rest)
            requests = [cancel, cancel]
        case .get:
            let query = String(decoding: rest.prefix { $0 != 0 }, as: UTF8.self)
            requests = [Self.request(.get, "/invoices/\(invoice.id)?\(query)")]
        }
        let api = fixture.freshAPI()
        return requests.flatMap { problems(api.respond(to: $0), for: $0) }
    }

    /// The broken invariants of an API answer, and the internal errors reported while it was made.
    func problems(_ response: HTTPResponse, for request: HTTPRequest) -> [String] {
        var problems = fixture.takeInternalErrors().map { "internal error reported: \($0)" }
        if !response.closesWithoutAnswer {
            problems += ResponseInvariants.problems(
                status: response.status, contentType: response.headers["Content-Type"], body: response.body)
        }
        return problems.map { "\(request.method.rawValue) \(request.target): \($0)" }
    }

    private static func request(_ method: HTTPMethod, _ target: String, body: [UInt8] = []) -> HTTPRequest {
        HTTPRequest(method: method, target: target, headers: FuzzFixture.authorizedHeaders, body: body)
    }
}

/// The route a `B` input's body goes to.
enum BodyRoute: CaseIterable {
    case put, delete, cancel, get

    init(selector: UInt8) {
        switch selector {
        case UInt8(ascii: "P"): self = .put
        case UInt8(ascii: "D"): self = .delete
        case UInt8(ascii: "C"): self = .cancel
        case UInt8(ascii: "G"): self = .get
        default: self = Self.allCases[Int(selector) % Self.allCases.count]
        }
    }
}
