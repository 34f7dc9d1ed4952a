import Foundation
import SandboxHTTP
import Testing

/// Request line, header and target limits: each is answered by the responder, with `Connection: close`,
/// and the connection closes after the answer.
@Suite(.serialized)
struct RequestLimitTests {
    /// How a request reaches the server, which changes what evhttp has seen when it gives up.
    enum Delivery: String, CaseIterable, Sendable {
        /// The whole request in one write.
        case whole
        /// Only the beginning, the rest never sent.
        case unfinished
    }

    private static func server(_ configure: (inout HTTPServer.Configuration) -> Void = { _ in }) throws -> TestServer {
        try TestServer(ScriptedResponder()) {
            $0.eventLoops = 1
            configure(&$0)
        }
    }

    /// Sends the bytes and expects the answer, then the close.
    private static func expectRefusal(
        _ request: String, from server: TestServer, status: Int, body: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let client = try server.connect()
        try client.send(request)
        let response = try client.readResponse()
        #expect(response.status == status, sourceLocation: sourceLocation)
        #expect(response.text == body, sourceLocation: sourceLocation)
        #expect(response.headers["connection"] == "close", sourceLocation: sourceLocation)
        #expect(try client.readUntilClosed() == [], sourceLocation: sourceLocation)
    }

    @Test(arguments: Delivery.allCases)
    func headersOverTheByteLimitAreRefusedAsHeadersNotAsABody(_ delivery: Delivery) throws {
        let server = try Self.server { $0.maxHeaderBytes = 1024 }
        var request = "GET /now HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "a", count: 2000))"
        if delivery == .whole { request += "\r\n\r\n" }
        try Self.expectRefusal(request, from: server, status: 431, body: "headers")
    }

    @Test func manySmallHeadersOverTheByteLimitAreRefusedAsHeaders() throws {
        let server = try Self.server { $0.maxHeaderBytes = 1024 }
        let fields = (0..<60).map { "X-Field-\($0): value\r\n" }.joined()
        try Self.expectRefusal("GET /now HTTP/1.1\r\n\(fields)\r\n", from: server, status: 431, body: "headers")
    }

    @Test func aBodyOverTheLimitIsStillRefusedAsABody() throws {
        let server = try Self.server { $0.maxBodyBytes = 10 }
        try Self.expectRefusal(
            "POST /now HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n01234567890", from: server, status: 413,
            body: "body 10")
    }

    @Test func moreHeaderFieldsThanTheCountLimitAreRefused() throws {
        let server = try Self.server { $0.maxHeaderCount = 10 }
        let ten = (1..<10).map { "X-\($0): v\r\n" }.joined()
        let client = try server.connect()
        try client.send("GET /now HTTP/1.1\r\nHost: x\r\n\(ten)\r\n")
        #expect(try client.readResponse().text == "now")
        try Self.expectRefusal(
            "GET /now HTTP/1.1\r\nHost: x\r\n\(ten)X-10: v\r\n\r\n", from: server, status: 431, body: "headers")
    }

    @Test func theDefaultCountLimitIsAHundredFields() throws {
        let server = try Self.server()
        let fields = (0..<100).map { "X-\($0): v\r\n" }.joined()
        let client = try server.connect()
        try client.send("GET /now HTTP/1.1\r\n\(fields)\r\n")
        #expect(try client.readResponse().text == "now")
        try Self.expectRefusal(
            "GET /now HTTP/1.1\r\n\(fields)X-100: v\r\n\r\n", from: server, status: 431, body: "headers")
    }

    @Test func aTargetOverTheURILimitIsRefusedBeforeAnyOtherLimit() throws {
        let server = try Self.server {
            $0.maxURIBytes = 100
            $0.maxHeaderCount = 1
        }
        let exactly = "/now?" + String(repeating: "q", count: 95)
        let client = try server.connect()
        try client.sendGet(exactly)
        #expect(try client.readResponse().text == "now")
        try Self.expectRefusal(
            "GET \(exactly)q HTTP/1.1\r\nHost: x\r\nX-Too: many\r\n\r\n", from: server, status: 414, body: "uri 100")
    }

    /// A request line longer than `maxHeaderBytes` never reaches the URI check: evhttp refuses it first,
    /// after reading it whole (short enough for one read) or while it still arrives (several reads).
    @Test(arguments: [(5000, Delivery.whole), (5000, .unfinished), (100_000, .whole), (100_000, .unfinished)])
    func aRequestLineOverTheHeaderLimitIsRefusedAsATooLongTarget(length: Int, delivery: Delivery) throws {
        let server = try Self.server {
            $0.maxHeaderBytes = 4096
            $0.maxURIBytes = 1000
        }
        var request = "GET /" + String(repeating: "a", count: length)
        if delivery == .whole { request += " HTTP/1.1\r\nHost: x\r\n\r\n" }
        try Self.expectRefusal(request, from: server, status: 414, body: "uri 1000")
    }

    @Test(arguments: [
        "\r\nGET /now HTTP/1.1\r\nHost: x\r\n\r\n",
        "GARBAGE\r\nHost: x\r\n\r\n",
        "GET /now HTTP/1.1\r\nNo colon here\r\n\r\n",
    ])
    func aMalformedRequestIsNotMistakenForAnOversizedOne(_ request: String) throws {
        let server = try Self.server { $0.maxHeaderBytes = 4096 }
        // A large body first leaves a large removal from the connection's input behind.
        let client = try server.connect()
        try client.send(
            "POST /now HTTP/1.1\r\nHost: x\r\nContent-Length: 20000\r\n\r\n\(String(repeating: "b", count: 20000))")
        #expect(try client.readResponse().text == "now")
        try client.send(request)
        let response = try client.readResponse()
        #expect(response.status == 400)
        #expect(response.text == "malformed")
    }
}
