import Foundation
import SandboxHTTP
import Testing

/// Graceful shutdown: new connections are refused at once, held answers still go out (at the latest
/// when the grace ends), and `run()` returns soon after the last one.
@Suite(.serialized)
struct ShutdownTests {
    @Test func aHeldAnswerIsSentAfterShutdownAndRunReturnsSoonAfter() throws {
        let responder = ScriptedResponder()
        let server = try TestServer(responder) { $0.eventLoops = 1 }
        let client = try server.connect()
        let start = ContinuousClock.now
        try client.sendGet("/delay/500")
        try #require(responder.waitForArrival())
        server.shutdown()

        let response = try client.readResponse()
        let answered = ContinuousClock.now
        #expect(response.text == "delayed 500")
        #expect(response.headers["connection"] == "close")
        #expect(answered - start >= .milliseconds(500))
        let returned = try #require(server.runReturnTime(within: .seconds(5)))
        #expect(returned - answered < .milliseconds(200), "run() returned \(returned - answered) after the answer")
    }

    @Test func aLongDelayIsCutShortWhenTheGraceEnds() throws {
        let responder = ScriptedResponder()
        let server = try TestServer(responder) {
            $0.eventLoops = 1
            $0.shutdownGrace = .milliseconds(600)
        }
        let waiting = try server.connect()
        try waiting.sendGet("/delay/10000")
        let dropping = try server.connect()
        try dropping.sendGet("/drop/10000")
        try #require(responder.waitForArrival() && responder.waitForArrival())
        let shutdown = ContinuousClock.now
        server.shutdown()

        #expect(try waiting.readResponse().text == "delayed 10000")
        let answered = ContinuousClock.now - shutdown
        #expect(answered >= .milliseconds(600) && answered < .milliseconds(1500), "answered after \(answered)")
        #expect(try dropping.readUntilClosed(within: .seconds(2)) == [])
        let returned = try #require(server.runReturnTime(within: .seconds(5)))
        #expect(returned - shutdown < .milliseconds(1200))
    }

    @Test(arguments: [1, 2])
    func newConnectionsAreRefusedOnceShutdownReturns(eventLoops: Int) throws {
        let responder = ScriptedResponder()
        let server = try TestServer(responder) { $0.eventLoops = eventLoops }
        let inFlight = try server.connect()
        try inFlight.sendGet("/delay/300")
        try #require(responder.waitForArrival())
        server.shutdown()

        for _ in 0..<20 {
            #expect(throws: TestSocket.Failure.refused) { try server.connect() }
        }
        #expect(try inFlight.readResponse().text == "delayed 300")
    }

    @Test func anIdleServerStopsAtOnce() throws {
        let server = try TestServer(ScriptedResponder()) { $0.eventLoops = 2 }
        let idle = try server.connect()
        try idle.sendGet("/now")
        #expect(try idle.readResponse().text == "now")
        let shutdown = ContinuousClock.now
        server.shutdown()
        let returned = try #require(server.runReturnTime(within: .seconds(5)))
        #expect(returned - shutdown < .milliseconds(200))
        #expect(try idle.readUntilClosed(within: .seconds(2)) == [])
    }

    @Test func shutdownCanBeCalledFromManyThreadsAtOnce() throws {
        let server = try TestServer(ScriptedResponder()) { $0.eventLoops = 2 }
        DispatchQueue.concurrentPerform(iterations: 8) { _ in server.shutdown() }
        #expect(server.runReturnTime(within: .seconds(5)) != nil)
    }
}
