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
        let (responses, problem) = ResponseStream.split(bytes)
        #expect(problem == nil)
        #expect(responses.map(\.status) == [200, 404])
        #expect(responses.map { String(decoding: $0.body, as: UTF8.self) } == [#"{"a":1}"#, "{}"])
    }

    @Test("A HEAD answer announces a length but the next status line follows at once, or the stream ends")
    func headAnswersHaveNoBody() {
        let bytes = Array((Self.response(200, "", length: 42) + Self.response(200, "", length: 42)).utf8)
        let (responses, problem) = ResponseStream.split(bytes)
        #expect(problem == nil)
        #expect(responses.map(\.hasBody) == [false, false])
    }

    @Test("Interim 100 Continue answers are skipped")
    func continueIsSkipped() {
        let bytes = Array(("HTTP/1.1 100 Continue\r\n\r\n" + Self.response(200, "{}")).utf8)
        #expect(ResponseStream.split(bytes).responses.map(\.status) == [200])
    }

    @Test("A cut body and bytes that are not HTTP are reported")
    func brokenStreamsAreReported() {
        #expect(ResponseStream.split(Array(Self.response(200, "{", length: 5).utf8)).problem != nil)
        #expect(ResponseStream.split(Array("<html>\r\n\r\n".utf8)).problem != nil)
        #expect(ResponseStream.split(Array("HTTP/1.1 200 OK\r\n".utf8)).problem != nil)
    }
}
