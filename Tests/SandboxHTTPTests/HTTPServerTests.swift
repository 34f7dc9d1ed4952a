import Foundation
import SandboxHTTP
import SandboxTesting
import Testing

/// Echoes what the transport parsed, so the tests see the request as the responder does.
struct EchoResponder: HTTPResponder {
    func respond(to request: HTTPRequest) -> HTTPResponse {
        var text = "\(request.method.rawValue)|\(request.path)|"
        text += request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
        text += "|\(request.headers["x-test"] ?? "-")|\(request.body.count)"
        return HTTPResponse(
            status: 200, headers: ["Content-Type": "text/plain", "X-Echo": "yes"], body: Array(text.utf8))
    }

    func respond(toUnreadable failure: UnreadableRequest) -> HTTPResponse {
        switch failure {
        case .malformed: HTTPResponse(status: 400, body: Array("malformed".utf8))
        case .bodyTooLarge(let limit): HTTPResponse(status: 413, body: Array("limit \(limit)".utf8))
        case .headersTooLarge: HTTPResponse(status: 431, body: Array("headers".utf8))
        case .uriTooLong(let limit): HTTPResponse(status: 414, body: Array("uri \(limit)".utf8))
        }
    }
}

@Suite(.serialized)
struct HTTPServerTests {
    @Test func theResponderSeesMethodDecodedPathQueryHeadersAndBody() throws {
        let server = try RunningServer(responder: EchoResponder())
        defer { server.stop() }
        let response = try server.connect().request(
            "POST", "/a%20b?x=1+2", headers: [("X-TEST", "hi")], body: Array("hello".utf8))
        #expect(response.status == 200)
        #expect(response.text == "POST|/a b|x=1 2|hi|5")
        #expect(response.header("x-echo") == "yes")
    }

    @Test(arguments: ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE"])
    func everyStandardMethodReachesTheResponder(_ method: String) throws {
        let server = try RunningServer(responder: EchoResponder())
        defer { server.stop() }
        let response = try server.connect().request(method, "/m", body: method == "HEAD" || method == "GET" ? nil : [])
        #expect(response.status == 200)
        if method != "HEAD" { #expect(response.text.hasPrefix("\(method)|/m|")) }
    }

    @Test func theBodyLimitIsReportedWithItsValue() throws {
        let server = try RunningServer(responder: EchoResponder(), maxBodyBytes: 10)
        defer { server.stop() }
        let response = try server.connect().request("POST", "/", body: Array("01234567890".utf8))
        #expect(response.status == 413)
        #expect(response.text == "limit 10")
    }

    @Test func aChunkedBodyIsReadWhole() throws {
        let server = try RunningServer(responder: EchoResponder())
        defer { server.stop() }
        let client = try server.connect()
        try client.send(
            "POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n3\r\nabc\r\n0\r\n\r\n")
        #expect(try client.readResponse().text == "POST|/c||-|8")
    }

    @Test func aChunkedBodyOverTheLimitIsRefused() throws {
        let server = try RunningServer(responder: EchoResponder(), maxBodyBytes: 4)
        defer { server.stop() }
        let client = try server.connect()
        try client.send("POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
        #expect(try client.readResponse().status == 413)
    }

    @Test func shutdownBeforeRunMakesRunReturnAtOnce() throws {
        let server = HTTPServer(configuration: .init(port: 0), responder: EchoResponder())
        try server.start()
        server.shutdown()
        try server.run()
    }

    @Test func startingTwiceIsRefused() throws {
        let server = HTTPServer(configuration: .init(port: 0), responder: EchoResponder())
        try server.start()
        #expect(throws: HTTPServerError.alreadyStarted) { try server.start() }
    }

    @Test func anAddressThisMachineDoesNotHaveIsReported() {
        // 192.0.2.1 is TEST-NET-1: never assigned here, so bind fails without any traffic.
        let server = HTTPServer(configuration: .init(host: "192.0.2.1", port: 0), responder: EchoResponder())
        #expect(
            throws: HTTPServerError.bindFailed(host: "192.0.2.1", port: 0, reason: "Cannot assign requested address")
        ) {
            try server.start()
        }
    }
}

/// `/thread` answers the serving thread's id at once; `/slow` sleeps 300 ms first.
struct ThreadResponder: HTTPResponder {
    func respond(to request: HTTPRequest) -> HTTPResponse {
        if request.path == "/slow" {
            usleep(300_000)
        }
        return HTTPResponse(status: 200, body: Array(String(UInt(bitPattern: Int(bitPattern: pthread_self()))).utf8))
    }

    func respond(toUnreadable failure: UnreadableRequest) -> HTTPResponse {
        HTTPResponse(status: 400)
    }
}

@Suite(.serialized)
struct EventLoopsTests {
    @Test func severalLoopsServeConcurrently() throws {
        let server = try RunningServer(responder: ThreadResponder(), eventLoops: 4)
        defer { server.stop() }
        // The kernel spreads connections over the loops by hash: find two served by different threads.
        var byThread: [String: RawHTTPClient] = [:]
        for _ in 0..<64 where byThread.count < 2 {
            let client = try server.connect()
            byThread[try client.request("GET", "/thread").text] = client
        }
        let pair = Array(byThread.values)
        try #require(pair.count == 2)
        let start = ContinuousClock.now
        try pair[0].send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        try pair[1].send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try pair[0].readResponse().status == 200)
        #expect(try pair[1].readResponse().status == 200)
        let elapsed = ContinuousClock.now - start
        #expect(elapsed < .milliseconds(550), "two 300 ms requests took \(elapsed): they did not overlap")
    }

    @Test func oneLoopServesOneRequestAtATime() throws {
        let server = try RunningServer(responder: ThreadResponder(), eventLoops: 1)
        defer { server.stop() }
        let first = try server.connect()
        let second = try server.connect()
        let start = ContinuousClock.now
        try first.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        try second.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        _ = try first.readResponse()
        _ = try second.readResponse()
        #expect(ContinuousClock.now - start >= .milliseconds(600))
    }

    @Test func aSecondServerCannotShareAPortBySharingItsLoops() throws {
        let first = try RunningServer(responder: ThreadResponder(), eventLoops: 2)
        defer { first.stop() }
        let second = HTTPServer(configuration: .init(port: first.port, eventLoops: 2), responder: ThreadResponder())
        #expect(throws: HTTPServerError.self) { try second.start() }
    }
}
