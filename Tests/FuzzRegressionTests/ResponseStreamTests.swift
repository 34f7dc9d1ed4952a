import Testing

@testable import SandboxFuzzing

@Suite("Splitting what a connection received into responses")
struct ResponseStreamTests {
    static func response(_ status: Int, _ body: String, length: Int? = nil) -> String {
        "HTTP/1.1 \(status) X\r\nContent-Type: application/json\r\nContent-Length: \(length ?? body.utf8.count)\r\n\r\n"
            + body
    }

    @Test("Pipelined answers come apart by Content-Length")
    func pipelinedAnswersAreSplit() {
        let bytes = Array((Self.response(200, #"{"a":1}"#) + Self.response(404, "{}")).utf8)
        let split = ResponseStream.split(bytes)
        #expect(split.framingProblems.isEmpty && split.incompleteEnd == nil)
        #expect(split.responses.map(\.status) == [200, 404])
        #expect(split.responses.map { String(decoding: $0.body, as: UTF8.self) } == [#"{"a":1}"#, "{}"])
    }

    @Test("A HEAD answer announces a length but the next status line follows at once, or the stream ends")
    func headAnswersHaveNoBody() {
        let bytes = Array((Self.response(200, "", length: 42) + Self.response(200, "", length: 42)).utf8)
        let split = ResponseStream.split(bytes)
        #expect(split.framingProblems.isEmpty && split.incompleteEnd == nil)
        #expect(split.responses.map(\.hasBody) == [false, false])
    }

    @Test("Interim 100 Continue answers are skipped")
    func continueIsSkipped() {
        let bytes = Array(("HTTP/1.1 100 Continue\r\n\r\n" + Self.response(200, "{}")).utf8)
        #expect(ResponseStream.split(bytes).responses.map(\.status) == [200])
    }

    @Test("A cut body and bytes that are not HTTP are reported")
    func brokenStreamsAreReported() {
        #expect(ResponseStream.split(Array(Self.response(200, "{", length: 5).utf8)).incompleteEnd != nil)
        #expect(ResponseStream.split(Array("<html>\r\n\r\n".utf8)).incompleteEnd != nil)
        #expect(ResponseStream.split(Array("HTTP/1.1 200 OK\r\n".utf8)).incompleteEnd != nil)
    }

    @Test("A body without Content-Length runs to the end, unless another response follows it: then both are read")
    func unframedBodiesAreReported() {
        let unframed = "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n\r\n{\"a\":\"HTTP/\"}"
        let alone = ResponseStream.split(Array(unframed.utf8))
        #expect(alone.framingProblems.isEmpty)
        #expect(alone.responses.map { String(decoding: $0.body, as: UTF8.self) } == [#"{"a":"HTTP/"}"#])
        let followed = ResponseStream.split(Array((unframed + Self.response(200, "{}")).utf8))
        #expect(followed.framingProblems.count == 1)
        #expect(followed.responses.map(\.status) == [404, 200])
    }
}
