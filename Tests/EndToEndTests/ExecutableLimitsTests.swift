import Foundation
import SandboxJSON
import SandboxTesting
import Testing

/// The limit flags reach the transport, and every limit is a JSON answer from the real binary.
extension ExecutableTests {
    @Test func limitFlagsAreAnsweredInJSON() throws {
        let sandbox = try Launched(
            arguments: ["--port", "0", "--max-uri-bytes", "200", "--max-headers", "5", "--max-body-bytes", "64"])
        let port = try #require(sandbox.port(from: sandbox.firstLine()))
        let long = try RawHTTPClient(port: port).request("GET", "/invoices/" + String(repeating: "a", count: 300))
        #expect(long.status == 414)
        #expect(
            try JSONParser.parse(long.body) == ["statusCode": 414, "message": "URI too long", "error": "URI Too Long"])
        let many = try RawHTTPClient(port: port).request(
            "GET", "/_sandbox/health", headers: (1...6).map { ("X-Header-\($0)", "v") })
        #expect(many.status == 431)
        #expect(try JSONParser.parse(many.body).objectValue?["statusCode"] == 431)
        let big = try RawHTTPClient(port: port).request(
            "PUT", "/invoices/x", headers: [("Content-Type", "application/json")],
            body: Array(repeating: 0x20, count: 65))
        #expect(big.status == 413)
        #expect(try RawHTTPClient(port: port).request("GET", "/_sandbox/health").status == 200)
        kill(sandbox.process.processIdentifier, SIGTERM)
        #expect(sandbox.waitForExit() == 0)
    }

    @Test func anIdleConnectionIsClosedAfterTheReadTimeout() throws {
        let sandbox = try Launched(arguments: ["--port", "0", "--read-timeout", "0.3"])
        let port = try #require(sandbox.port(from: sandbox.firstLine()))
        let idle = try RawHTTPClient(port: port)
        try idle.send("GET /_sandbox/health HTTP/1.1\r\nHost: x\r\n")  // half a request, then silence
        let clock = ContinuousClock()
        let started = clock.now
        #expect(try idle.isClosedByPeer())
        #expect(clock.now - started >= .milliseconds(250))
        kill(sandbox.process.processIdentifier, SIGTERM)
        #expect(sandbox.waitForExit() == 0)
    }

    @Test(arguments: [
        ["--max-uri-bytes", "0"], ["--max-headers", "-1"], ["--max-connections", "0"], ["--read-timeout", "-1"],
        ["--write-timeout", "abc"], ["--max-uri-bytes", "70000"],
    ])
    func invalidLimitsAreRefusedBeforeStart(_ arguments: [String]) throws {
        let sandbox = try Launched(arguments: ["--port", "0"] + arguments)
        let status = sandbox.waitForExit()
        #expect(status != 0 && status != nil)
    }
}
