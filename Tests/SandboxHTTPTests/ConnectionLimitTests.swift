import Foundation
import SandboxHTTP
import Testing

/// `maxConnections`: clients beyond it wait in the kernel's backlog, the open ones keep being served.
@Suite(.serialized)
struct ConnectionLimitTests {
    @Test func connectionsBeyondTheLimitWaitUntilOneCloses() throws {
        let server = try TestServer(ScriptedResponder()) {
            $0.eventLoops = 1
            $0.maxConnections = 2
        }
        var first: TestSocket? = try server.connect()
        let second = try server.connect()
        // Answers prove that the server accepted both.
        try first?.sendGet("/now")
        #expect(try first?.readResponse().text == "now")
        try second.sendGet("/now")
        #expect(try second.readResponse().text == "now")

        // The kernel completes the handshake, but the server does not accept the third connection yet.
        let waiting = try server.connect()
        try waiting.sendGet("/now")
        #expect(!waiting.hasSomethingToRead(within: .milliseconds(300)))
        try second.sendGet("/now")
        #expect(try second.readResponse(within: .seconds(2)).text == "now")

        first = nil
        #expect(try waiting.readResponse(within: .seconds(5)).text == "now")
    }

    @Test func aConnectionTheServerClosesMakesRoomToo() throws {
        let server = try TestServer(ScriptedResponder()) {
            $0.eventLoops = 1
            $0.maxConnections = 1
        }
        let only = try server.connect()
        try only.sendGet("/now")
        #expect(try only.readResponse().text == "now")
        let waiting = try server.connect()
        try waiting.sendGet("/now")
        #expect(!waiting.hasSomethingToRead(within: .milliseconds(200)))
        try only.sendGet("/drop/0")
        #expect(try only.readUntilClosed() == [])
        #expect(try waiting.readResponse(within: .seconds(5)).text == "now")
    }
}
