import Foundation
import SandboxHTTP
import Testing

/// Answers held back with `HTTPResponse.delay` and connections closed with `closeWithoutAnswer`, on one
/// event loop, so that a blocked loop would show.
@Suite(.serialized)
struct HeldAnswerTests {
    @Test func aDelayedAnswerDoesNotHoldUpAnotherConnectionOnTheSameLoop() throws {
        let server = try TestServer(ScriptedResponder()) { $0.eventLoops = 1 }
        let slow = try server.connect()
        let quick = try server.connect()
        let start = ContinuousClock.now
        try slow.sendGet("/delay/500")
        try quick.sendGet("/now")
        let quickAnswer = try quick.readResponse()
        let quickElapsed = ContinuousClock.now - start
        let slowAnswer = try slow.readResponse()
        let slowElapsed = ContinuousClock.now - start

        #expect(quickAnswer.text == "now")
        #expect(quickElapsed < .milliseconds(250), "the quick answer took \(quickElapsed)")
        #expect(slowAnswer.text == "delayed 500")
        #expect(slowElapsed >= .milliseconds(500), "the delayed answer came after \(slowElapsed)")
    }

    @Test(arguments: [0, 200])
    func aDroppedConnectionSeesTheEndWithoutAByte(afterMilliseconds delay: Int) throws {
        let server = try TestServer(ScriptedResponder()) { $0.eventLoops = 1 }
        let client = try server.connect()
        let start = ContinuousClock.now
        try client.sendGet("/drop/\(delay)")
        #expect(try client.readUntilClosed() == [])
        #expect(ContinuousClock.now - start >= .milliseconds(delay))
    }

    @Test func aKeepAliveConnectionGoesOnAfterADelayedAnswer() throws {
        let server = try TestServer(ScriptedResponder()) { $0.eventLoops = 1 }
        let client = try server.connect()
        // Pipelined: the second request is already waiting while the first answer is held back.
        try client.send("GET /delay/100 HTTP/1.1\r\nHost: x\r\n\r\nGET /now HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().text == "delayed 100")
        #expect(try client.readResponse().text == "now")
        try client.sendGet("/delay/50")
        #expect(try client.readResponse().text == "delayed 50")
    }

    @Test func clientsLeavingDuringTheDelayHarmNothing() throws {
        let server = try TestServer(ScriptedResponder()) { $0.eventLoops = 1 }
        do {
            let leaving = try server.connect()
            try leaving.sendGet("/delay/100")
            let leavingToo = try server.connect()
            try leavingToo.sendGet("/drop/100")
        }
        // Both timers fire on this loop before this answer leaves it.
        let staying = try server.connect()
        try staying.sendGet("/delay/300")
        #expect(try staying.readResponse().text == "delayed 300")
        try staying.sendGet("/now")
        #expect(try staying.readResponse().text == "now")
    }

    @Test func theWaitDoesNotCountAgainstTheReadTimeout() throws {
        let server = try TestServer(ScriptedResponder()) {
            $0.eventLoops = 1
            $0.readTimeout = .milliseconds(200)
        }
        let client = try server.connect()
        try client.sendGet("/delay/600")
        #expect(try client.readResponse().text == "delayed 600")
    }
}
