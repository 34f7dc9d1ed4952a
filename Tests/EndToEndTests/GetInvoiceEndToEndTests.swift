import InvoiceAPI
import SandboxJSON
import SandboxTesting
import Testing

@Suite(.serialized)
struct GetInvoiceEndToEndTests {
    @Test func theDocumentationsExampleIsServed() throws {
        let server = try SandboxServer.start()
        defer { server.stop() }
        let response = try server.connect().request(
            "GET", SandboxServer.invoicePath(), headers: SandboxServer.headers())
        #expect(response.status == 200)
        #expect(response.header("content-type") == "application/json; charset=utf-8")
        let body = try #require(try JSONParser.parse(response.body).objectValue)
        #expect(body["_id"] == "6578278e879ad2646715ba9c")
        #expect(body["name"] == "New Invoice")
        #expect(body["totalSummary"] == ["subTotal": 999, "discount": 0, "tax": 0])
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let name: String
        let path: String
        let headers: [(String, String)]
        let status: Int
        let message: String
        var testDescription: String { name }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase(
            name: "unknown invoice", path: SandboxServer.invoicePath("6578278e879ad2646715ffff"),
            headers: SandboxServer.headers(), status: 400, message: Messages.invoiceNotFound),
        ErrorCase(
            name: "no token", path: SandboxServer.invoicePath(), headers: [("Version", "2021-07-28")], status: 401,
            message: Messages.invalidToken),
        ErrorCase(
            name: "no version", path: SandboxServer.invoicePath(),
            headers: [("Authorization", "Bearer pit-sandbox-readonly")],
            status: 401, message: Messages.versionMissing),
        ErrorCase(
            name: "wrong version", path: SandboxServer.invoicePath(),
            headers: [("Authorization", "Bearer pit-sandbox-readonly"), ("Version", "2021-04-15")], status: 401,
            message: Messages.versionInvalid),
        ErrorCase(
            name: "other location", path: SandboxServer.invoicePath(location: SandboxServer.otherLocation),
            headers: SandboxServer.headers(), status: 403, message: Messages.locationForbidden),
        ErrorCase(
            name: "missing altType", path: "/invoices/\(SandboxServer.docsInvoice)?altId=\(SandboxServer.location)",
            headers: SandboxServer.headers(), status: 422, message: "altType must be a valid enum value"),
    ]

    @Test(arguments: errorCases)
    func everyErrorStatusArrivesAsJSON(_ testCase: ErrorCase) throws {
        let server = try SandboxServer.start()
        defer { server.stop() }
        let response = try server.connect().request("GET", testCase.path, headers: testCase.headers)
        #expect(response.status == testCase.status)
        #expect(response.header("content-type") == "application/json; charset=utf-8")
        let body = try #require(try JSONParser.parse(response.body).objectValue)
        #expect(body["statusCode"] == .number(Double(testCase.status)))
        switch body["message"] {
        case .array(let messages)?: #expect(messages.contains(.string(testCase.message)))
        default: #expect(body["message"] == .string(testCase.message))
        }
    }

    @Test func aTokenOfBothLocationsReadsBoth() throws {
        let server = try SandboxServer.start()
        defer { server.stop() }
        let client = try server.connect()
        let headers = SandboxServer.headers(token: "pit-sandbox-all-locations")
        #expect(try client.request("GET", SandboxServer.invoicePath(), headers: headers).status == 200)
        let other = try client.request(
            "GET", SandboxServer.invoicePath("6ae99483c7800721c807d264", location: SandboxServer.otherLocation),
            headers: headers)
        #expect(other.status == 200)
    }

    @Test func theSDKsEmptyJSONBodyOnGetIsAccepted() throws {
        let server = try SandboxServer.start()
        defer { server.stop() }
        let response = try server.connect().request(
            "GET", SandboxServer.invoicePath(),
            headers: SandboxServer.headers() + [("Content-Type", "application/json")], body: [])
        #expect(response.status == 200)
    }

    @Test func manyRequestsShareOneKeptAliveConnection() throws {
        let server = try SandboxServer.start()
        defer { server.stop() }
        let client = try server.connect()
        for index in 0..<200 {
            let path = index.isMultiple(of: 2) ? SandboxServer.invoicePath() : "/nowhere/\(index)"
            let response = try client.request("GET", path, headers: SandboxServer.headers())
            #expect(response.status == (index.isMultiple(of: 2) ? 200 : 404))
        }
    }

    @Test func headAnswersHeadersWithoutABody() throws {
        let server = try SandboxServer.start()
        defer { server.stop() }
        let client = try server.connect()
        let response = try client.request("HEAD", SandboxServer.invoicePath(), headers: SandboxServer.headers())
        #expect(response.status == 200)
        #expect(response.body.isEmpty)
        #expect(try client.request("GET", SandboxServer.invoicePath(), headers: SandboxServer.headers()).status == 200)
    }
}
