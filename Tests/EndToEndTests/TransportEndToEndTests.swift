import InvoiceAPI
import SandboxJSON
import SandboxTesting
import Testing

@Suite(.serialized)
struct TransportEndToEndTests {
    @Test func anUnknownRouteIsAJSON404() throws {
        let server = try SandboxServer.start()
        defer { server.stop() }
        let response = try server.connect().request("GET", "/x")
        #expect(response.status == 404)
        #expect(response.text == #"{"message":"Cannot GET /x","error":"Not Found","statusCode":404}"#)
    }

    @Test func aWrongMethodOnAKnownPathIsAJSON404() throws {
        let server = try SandboxServer.start()
        defer { server.stop() }
        let response = try server.connect().request(
            "PATCH", "/invoices/\(SandboxServer.docsInvoice)", headers: SandboxServer.headers(), body: [])
        #expect(response.status == 404)
        #expect(
            response.text
                == #"{"message":"Cannot PATCH /invoices/6578278e879ad2646715ba9c","error":"Not Found","statusCode":404}"#
        )
    }

    @Test func optionsIsAnsweredInJSONNotByLibevent() throws {
        let server = try SandboxServer.start()
        defer { server.stop() }
        let response = try server.connect().request("OPTIONS", "/invoices/x")
        #expect(response.status == 404)
        #expect(response.header("content-type") == "application/json; charset=utf-8")
    }

    @Test func aBodyOverTheLimitIsAJSON413() throws {
        let server = try SandboxServer.start(maxBodyBytes: 1024)
        defer { server.stop() }
        let client = try server.connect()
        let response = try client.request(
            "PUT", "/invoices/\(SandboxServer.docsInvoice)", headers: SandboxServer.headers(),
            body: [UInt8](repeating: UInt8(ascii: "a"), count: 4096))
        #expect(response.status == 413)
        #expect(
            response.text == #"{"statusCode":413,"message":"request entity too large","error":"Payload Too Large"}"#)
        #expect(response.header("connection") == "close")
    }

    @Test func aBodyAtTheLimitIsRead() throws {
        let server = try SandboxServer.start(maxBodyBytes: 1024)
        defer { server.stop() }
        let response = try server.connect().request(
            "GET", SandboxServer.invoicePath(), headers: SandboxServer.headers(),
            body: [UInt8](repeating: UInt8(ascii: " "), count: 1024))
        #expect(response.status == 200)
    }

    @Test(arguments: [
        "GARBAGE\r\n\r\n",
        "GET /x HTTP/9.9\r\n\r\n",
        "BREW /coffee HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /x HTTP/1.1\r\nno-colon-header\r\n\r\n",
        "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n",
    ])
    func aRequestLibeventCannotParseGetsJSONNotHTML(_ raw: String) throws {
        let server = try SandboxServer.start()
        defer { server.stop() }
        let client = try server.connect()
        try client.send(raw)
        let response = try client.readResponse()
        #expect(response.statusLine == "HTTP/1.1 400 Bad Request")
        #expect(response.header("content-type") == "application/json; charset=utf-8")
        #expect(response.text == #"{"statusCode":400,"message":"Malformed HTTP request","error":"Bad Request"}"#)
        #expect(!response.text.contains("<HTML>"))
    }

    @Test func theServerStillAnswersAfterAMalformedRequest() throws {
        let server = try SandboxServer.start()
        defer { server.stop() }
        let bad = try server.connect()
        try bad.send("GARBAGE\r\n\r\n")
        _ = try bad.readResponse()
        #expect(try bad.isClosedByPeer())
        let response = try server.connect().request(
            "GET", SandboxServer.invoicePath(), headers: SandboxServer.headers())
        #expect(response.status == 200)
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        let server = try SandboxServer.start()
        defer { server.stop() }
        let client = try server.connect()
        let headers = SandboxServer.headers().map { "\($0.0): \($0.1)\r\n" }.joined()
        let one = "GET \(SandboxServer.invoicePath()) HTTP/1.1\r\nHost: x\r\n\(headers)\r\n"
        let two = "GET /nope HTTP/1.1\r\nHost: x\r\n\r\n"
        try client.send(one + two + one)
        #expect(try client.readResponse().status == 200)
        #expect(try client.readResponse().status == 404)
        #expect(try client.readResponse().status == 200)
    }
}
