import InvoiceAPI
import SandboxJSON
import SandboxTesting
import Testing

/// Each write route's 200, 400, 401, 403 and 422 over a real socket.
@Suite(.serialized)
struct WriteRoutesEndToEndTests {
    static let draft = "6af34c8c91664e4e3ed780ca"
    static let sent = "6ae8ac8a2f85e01b48e33da1"
    static let schedule = "6578278e879ad2646715ba9c"

    static func json(_ object: JSONObject) -> [UInt8] {
        JSONWriter.bytes(.object(object))
    }

    static func update(location: String = SandboxServer.location, name: String = "Over the wire") -> JSONObject {
        [
            "altId": .string(location), "altType": "location", "name": .string(name), "currency": "USD",
            "issueDate": "2024-02-01", "dueDate": "2024-02-29",
            "invoiceItems": [
                [
                    "name": "Audit", "currency": "USD", "amount": 333, "qty": 1,
                    "taxes": [["_id": "65a0c0ffee0000000000000b", "name": "HST", "rate": 13]],
                ]
            ],
        ]
    }

    static let jsonHeaders = SandboxServer.headers() + [("Content-Type", "application/json")]

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let method: String
        let path: String
        let headers: [(String, String)]
        let body: [UInt8]?
        let status: Int
        var testDescription: String { name }
    }

    static let location: JSONObject = ["altId": .string(SandboxServer.location), "altType": "location"]
    static let locationQuery = "?altId=\(SandboxServer.location)&altType=location"
    static let readonly = [
        ("Authorization", "Bearer pit-sandbox-readonly"), ("Version", "2021-07-28"),
        ("Content-Type", "application/json"),
    ]

    static let cases: [Case] = [
        Case(
            name: "PUT 200", method: "PUT", path: "/invoices/\(draft)", headers: jsonHeaders, body: json(update()),
            status: 200),
        Case(
            name: "PUT 400 paid", method: "PUT", path: "/invoices/6ae6ff925a5b41ca861d2761", headers: jsonHeaders,
            body: json(update()), status: 400),
        Case(
            name: "PUT 400 malformed JSON", method: "PUT", path: "/invoices/\(draft)", headers: jsonHeaders,
            body: Array("{\"name\":".utf8), status: 400),
        Case(
            name: "PUT 401 scope", method: "PUT", path: "/invoices/\(draft)", headers: readonly, body: json(update()),
            status: 401),
        Case(
            name: "PUT 403", method: "PUT", path: "/invoices/6afddbe60847bdc26cccd16e", headers: jsonHeaders,
            body: json(update(location: SandboxServer.otherLocation)), status: 403),
        Case(
            name: "PUT 422", method: "PUT", path: "/invoices/\(draft)", headers: jsonHeaders, body: json(["name": 1]),
            status: 422),
        Case(
            name: "DELETE 200", method: "DELETE", path: "/invoices/\(draft)\(locationQuery)", headers: jsonHeaders,
            body: nil, status: 200),
        Case(
            name: "DELETE 400 not a draft", method: "DELETE", path: "/invoices/\(sent)\(locationQuery)",
            headers: jsonHeaders, body: nil, status: 400),
        Case(
            name: "DELETE 401 scope", method: "DELETE", path: "/invoices/\(draft)\(locationQuery)", headers: readonly,
            body: nil, status: 401),
        Case(
            name: "DELETE 403", method: "DELETE",
            path: "/invoices/6afddbe60847bdc26cccd16e?altId=\(SandboxServer.otherLocation)&altType=location",
            headers: jsonHeaders, body: nil, status: 403),
        Case(
            name: "DELETE 422", method: "DELETE", path: "/invoices/\(draft)?altType=x", headers: jsonHeaders, body: nil,
            status: 422),
        Case(
            name: "cancel 200", method: "POST", path: "/invoices/schedule/\(schedule)/cancel", headers: jsonHeaders,
            body: json(location), status: 200),
        Case(
            name: "cancel 400 unknown", method: "POST", path: "/invoices/schedule/000000000000000000000000/cancel",
            headers: jsonHeaders, body: json(location), status: 400),
        Case(
            name: "cancel 401 scope", method: "POST", path: "/invoices/schedule/\(schedule)/cancel",
            headers: [
                ("Authorization", "Bearer pit-sandbox-invoices-only"), ("Version", "2021-07-28"),
                ("Content-Type", "application/json"),
            ], body: json(location), status: 401),
        Case(
            name: "cancel 403", method: "POST", path: "/invoices/schedule/6ae273b1ba526ccb7284e428/cancel",
            headers: jsonHeaders, body: json(["altId": .string(SandboxServer.otherLocation), "altType": "location"]),
            status: 403),
        Case(
            name: "cancel 422", method: "POST", path: "/invoices/schedule/\(schedule)/cancel", headers: jsonHeaders,
            body: json([:]), status: 422),
    ]

    @Test(arguments: cases)
    func everyWriteRouteAnswersEachStatusInJSON(_ testCase: Case) throws {
        let server = try SandboxServer.start()
        defer { server.stop() }
        let response = try server.connect().request(
            testCase.method, testCase.path, headers: testCase.headers, body: testCase.body)
        #expect(response.status == testCase.status)
        #expect(response.header("content-type") == "application/json; charset=utf-8")
        let body = try JSONParser.parse(response.body)
        if testCase.status != 200 {
            #expect(body.objectValue?["statusCode"] == .number(Double(testCase.status)))
        }
    }

    @Test func anUpdateIsVisibleToTheNextGet() throws {
        let server = try SandboxServer.start()
        defer { server.stop() }
        let client = try server.connect()
        let put = try client.request(
            "PUT", "/invoices/\(Self.draft)", headers: Self.jsonHeaders, body: Self.json(Self.update()))
        #expect(put.status == 200)
        let get = try client.request(
            "GET", "/invoices/\(Self.draft)\(Self.locationQuery)", headers: SandboxServer.headers())
        let body = try #require(try JSONParser.parse(get.body).objectValue)
        #expect(body["name"] == "Over the wire")
        #expect(body["total"] == 376.29)
        #expect(body["totalSummary"] == ["subTotal": 333, "discount": 0, "tax": 43.29])
    }
}
