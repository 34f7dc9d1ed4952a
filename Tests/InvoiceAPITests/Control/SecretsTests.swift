import InvoiceAPI
import SandboxHTTP
import SandboxJSON
import Testing

/// No answer ever carries a token it was sent, whatever goes wrong.
struct SecretsTests {
    static let secret = "pit-very-secret-token-9f3a"

    static let requests: [HTTPRequest] = [
        HTTPRequest(
            method: .get, target: "/invoices/\(ControlFixture.docsInvoice)?altId=\(ControlFixture.locationA)",
            headers: ["Authorization": "Bearer \(secret)", "Version": "2021-07-28"]),
        HTTPRequest(
            method: .put, target: "/invoices/x",
            headers: ["Authorization": "Bearer \(secret)", "Content-Type": "application/json"],
            body: Array(#"{"altId":1"#.utf8)),
        HTTPRequest(
            method: .get, target: "/_sandbox/requests", headers: [ControlAccess.tokenHeader: secret + "x"]),
        HTTPRequest(method: .post, target: "/_sandbox/reset", headers: ["Authorization": "Bearer \(secret)"]),
        HTTPRequest(
            method: .get, target: "/invoices/\(ControlFixture.docsInvoice)?altId=\(ControlFixture.locationA)",
            headers: ["Authorization": "Bearer \(ControlFixture.tokenA)", "Version": "2999-01-01"]),
    ]

    @Test func answersNeverEchoAPresentedToken() throws {
        let api = try ControlFixture.api(access: .token(Self.secret + "-control"))
        for request in Self.requests {
            let response = api.respond(to: request)
            let text = String(decoding: response.body, as: UTF8.self) + response.headers.map(\.value).joined()
            #expect(!text.contains(Self.secret), "\(request.method) \(request.target)")
            #expect(!text.contains(ControlFixture.tokenA))
        }
        let journal = ControlFixture.control(
            api, .get, "/_sandbox/requests", headers: [ControlAccess.tokenHeader: Self.secret + "-control"])
        #expect(journal.status == 200)
        let text = String(decoding: journal.body, as: UTF8.self)
        #expect(!text.contains(Self.secret))
        #expect(!text.contains(ControlFixture.tokenA))
    }
}
