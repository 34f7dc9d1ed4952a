import Testing

@testable import SandboxFuzzing

@Suite("What counts as a bad answer")
struct ResponseInvariantsTests {
    static let json = "application/json; charset=utf-8"

    @Test("A JSON error whose statusCode matches its status is fine")
    func aMatchingJSONErrorPasses() {
        let body = Array(#"{"statusCode":422,"message":["x"],"error":"Unprocessable Entity"}"#.utf8)
        #expect(ResponseInvariants.problems(status: 422, contentType: Self.json, body: body).isEmpty)
    }

    @Test("A 500 is a problem even with a JSON body")
    func aServerErrorIsAProblem() {
        let body = Array(#"{"statusCode":500,"message":"Internal server error"}"#.utf8)
        #expect(ResponseInvariants.problems(status: 500, contentType: Self.json, body: body).count == 1)
    }

    @Test("The 501 of an operation that is not emulated is allowed, another 501 is not")
    func onlyTheNotEmulatedAnswerMayBe501() {
        let notEmulated = Array(#"{"statusCode":501,"message":"…","error":"Not Implemented"}"#.utf8)
        let other = Array(#"{"statusCode":501,"message":"…"}"#.utf8)
        #expect(ResponseInvariants.problems(status: 501, contentType: Self.json, body: notEmulated).isEmpty)
        #expect(ResponseInvariants.problems(status: 501, contentType: Self.json, body: other).count == 1)
    }

    @Test("An HTML body, a missing content type and a wrong statusCode are each a problem")
    func nonJSONAnswersAreProblems() {
        #expect(ResponseInvariants.problems(status: 400, contentType: "text/html", body: Array("<h1>".utf8)).count == 2)
        #expect(ResponseInvariants.problems(status: 404, contentType: nil, body: Array("{}".utf8)).count == 1)
        let mismatch = Array(#"{"statusCode":400}"#.utf8)
        #expect(ResponseInvariants.problems(status: 401, contentType: Self.json, body: mismatch).count == 1)
    }

    @Test("The answer to a HEAD request needs no body")
    func aHeadAnswerHasNoBody() {
        #expect(ResponseInvariants.problems(status: 200, contentType: Self.json, body: [], hasBody: false).isEmpty)
    }
}
