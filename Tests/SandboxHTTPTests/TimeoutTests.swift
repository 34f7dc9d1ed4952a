import Foundation
import SandboxHTTP
import Testing

/// `readTimeout` and `writeTimeout`: the server closes connections that stall, and stalled connections
/// cost the others nothing.
@Suite(.serialized)
struct TimeoutTests {
    @Test func anIdleKeepAliveConnectionIsClosedAfterTheReadTimeout() throws {
        let server = try TestServer(ScriptedResponder()) {
            $0.eventLoops = 1
            $0.readTimeout = .milliseconds(300)
        }
        let client = try server.connect()
        try client.sendGet("/now")
        // The server starts waiting for the next request once it has written this answer.
        let asked = ContinuousClock.now
        #expect(try client.readResponse().text == "now")
        #expect(try client.readUntilClosed(within: .seconds(3)) == [])
        #expect(ContinuousClock.now - asked >= .milliseconds(300))
    }

    @Test func aClientThatStopsReadingIsClosedAfterTheWriteTimeout() throws {
        let size = 32 << 20
        // With room for one connection, the second client is served only once the server has closed the
        // first, which never reads: the close is seen without the first client reading anything.
        let server = try TestServer(ScriptedResponder()) {
            $0.eventLoops = 1
            $0.maxConnections = 1
            $0.writeTimeout = .milliseconds(300)
        }
        let stalling = try TestSocket(port: server.port, receiveBuffer: 4096)
        try stalling.sendGet("/big/\(size)")
        let asked = ContinuousClock.now
        let next = try server.connect()
        try next.sendGet("/now")
        #expect(try next.readResponse(within: .seconds(10)).text == "now")
        #expect(ContinuousClock.now - asked >= .milliseconds(300))
        let received = try stalling.readUntilClosed(within: .seconds(10))
        #expect(received.count < size)
    }

    /// 500 connections that send half a request and stall: a normal client's answers take no longer, and
    /// the server closes every stalled connection after the read timeout.
    @Test func stalledConnectionsDoNotSlowOthersAndCloseAfterTheReadTimeout() throws {
        let readTimeout = Duration.seconds(1)
        let server = try TestServer(ScriptedResponder()) {
            $0.eventLoops = 1
            $0.readTimeout = readTimeout
        }
        let before = try Self.medianLatency(port: server.port)

        var stalled: [TestSocket] = []
        let firstSend = ContinuousClock.now
        for _ in 0..<500 {
            let socket = try server.connect()
            try socket.send("GET /now HTTP/1.1\r\nHost: x\r\nX-Half: ")
            stalled.append(socket)
        }
        let lastSend = ContinuousClock.now
        let during = try Self.medianLatency(port: server.port)
        print("median answer time of a new connection: \(before) alone, \(during) beside 500 stalled ones")
        #expect(during < before + .milliseconds(5), "\(during) beside stalled connections, \(before) without")

        var closed = 0
        var firstClose: ContinuousClock.Instant?
        for socket in stalled where (try? socket.readUntilClosed(within: readTimeout + .seconds(5))) == [] {
            closed += 1
            firstClose = firstClose ?? .now
        }
        let lastClose = ContinuousClock.now
        #expect(closed == 500)
        let opened = lastSend - firstSend
        let earliest = (firstClose ?? lastClose) - firstSend
        let latest = lastClose - lastSend
        print(
            "500 stalled connections opened in \(opened); closed from \(earliest) after the first send to \(latest) after the last"
        )
        #expect(earliest >= readTimeout)
        #expect(latest < readTimeout + .seconds(1))
    }

    /// The median time from connecting to a full answer, over 31 new connections.
    private static func medianLatency(port: Int) throws -> Duration {
        var samples: [Duration] = []
        for _ in 0..<31 {
            let start = ContinuousClock.now
            let client = try TestSocket(port: port)
            try client.sendGet("/now")
            _ = try client.readResponse()
            samples.append(ContinuousClock.now - start)
        }
        return samples.sorted()[samples.count / 2]
    }
}
