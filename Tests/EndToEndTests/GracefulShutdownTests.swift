import Foundation
import SandboxJSON
import SandboxTesting
import Testing

/// SIGTERM with a request in flight: the request is answered, the process exits 0 within 2 s.
extension ExecutableTests {
    @Test func aStopFinishesTheRequestInFlightAndExitsWithinTwoSeconds() throws {
        let sandbox = try Launched(arguments: ["--port", "0", "--threads", "2"])
        let port = try #require(sandbox.port(from: sandbox.firstLine()))
        let control = try RawHTTPClient(port: port)
        let rule = #"{"path":"/invoices/*","method":"GET","latencyMs":800,"times":1}"#
        #expect(try control.request("POST", "/_sandbox/faults", body: Array(rule.utf8)).status == 201)

        let slow = try RawHTTPClient(port: port)
        let clock = ContinuousClock()
        let sent = clock.now
        try slow.send(
            "GET /invoices/6578278e879ad2646715ba9c?altId=6578278e879ad2646715ba9c&altType=location HTTP/1.1\r\n"
                + "Host: x\r\nAuthorization: Bearer pit-sandbox-location-a\r\nVersion: 2021-07-28\r\n\r\n")
        // The journal records a request as soon as it is processed, before its held-back answer leaves.
        var inFlight = false
        for _ in 0..<200 where !inFlight {
            let journal = try JSONParser.parse(try control.request("GET", "/_sandbox/requests").body)
            inFlight = journal.objectValue?["count"] == 1
            if !inFlight { usleep(5_000) }
        }
        #expect(inFlight)

        let stopped = clock.now
        kill(sandbox.process.processIdentifier, SIGTERM)
        let answer = try slow.readResponse()
        #expect(answer.status == 200)
        // The answer really was held back across the stop, not sent before it.
        #expect(clock.now - sent >= .milliseconds(800))
        #expect(try JSONParser.parse(answer.body).objectValue?["_id"] == "6578278e879ad2646715ba9c")
        #expect(sandbox.waitForExit(seconds: 5) == 0)
        let elapsed = clock.now - stopped
        #expect(elapsed < .seconds(2), "stopping took \(elapsed)")
        // Nothing new is accepted once the stop began.
        #expect(throws: (any Error).self) { try RawHTTPClient(port: port).request("GET", "/_sandbox/health") }
    }
}
