import SandboxHTTP
import Testing

/// evhttp frames an answer to CONNECT as a tunnel (no Content-Length, connection kept): the sandbox never
/// tunnels, so its answers to CONNECT are framed like any other and a pipelined request still gets its own.
@Suite(.serialized)
struct ConnectFramingTests {
    @Test func anAnswerToConnectCarriesItsLengthAndThePipelineGoesOn() throws {
        let server = try TestServer(ScriptedResponder()) { $0.eventLoops = 1 }
        let client = try server.connect()
        try client.send("CONNECT 127.0.0.1:80 HTTP/1.1\r\nHost: x\r\n\r\nGET /now HTTP/1.1\r\nHost: x\r\n\r\n")
        let first = try client.readResponse()
        #expect(first.headers["content-length"] == String(first.body.count))
        #expect(first.text == "now")
        let second = try client.readResponse()
        #expect(second.status == 200)
        #expect(second.text == "now")
    }

    @Test func aMalformedConnectIsAnsweredOnceWithItsLength() throws {
        let server = try TestServer(ScriptedResponder()) { $0.eventLoops = 1 }
        let client = try server.connect()
        try client.send("CONNECT 127.0.0.1:80 HYTP/1.1\r\nHost: x\r\n\r\n")
        let answer = try client.readResponse()
        #expect(answer.status == 400)
        #expect(answer.headers["content-length"] == "9")
        #expect(try client.readUntilClosed() == [])
    }
}

/// evhttp frames answers only for HTTP/1.x: another version is answered as HTTP/1.1 and the connection closes.
@Suite(.serialized)
struct OtherVersionFramingTests {
    /// libevent reads 0.x request lines and refuses 2.0 and later as malformed: both answers are framed.
    @Test(arguments: [("HTTP/0.9", 200, "now"), ("HTTP/0.1", 200, "now"), ("HTTP/2.0", 400, "malformed")])
    func aRequestOfAnotherVersionGetsAFramedAnswerAndAClose(_ version: String, status: Int, body: String) throws {
        let server = try TestServer(ScriptedResponder()) { $0.eventLoops = 1 }
        let client = try server.connect()
        try client.send(
            "GET /now \(version)\r\nHost: x\r\nConnection: keep-alive\r\n\r\nGET /now HTTP/1.1\r\nHost: x\r\n\r\n")
        let answer = try client.readResponse()
        #expect(answer.status == status)
        #expect(answer.text == body)
        #expect(answer.headers["content-length"] == String(body.utf8.count))
        #expect(answer.headers["connection"] == "close")
        #expect(try client.readUntilClosed() == [])
    }
}
