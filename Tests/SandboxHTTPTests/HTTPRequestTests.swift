import SandboxHTTP
import Testing

struct HTTPRequestTests {
    @Test(arguments: [
        ("/invoices/abc", "/invoices/abc"),
        ("/invoices/a%20b", "/invoices/a b"),
        ("/invoices/%E2%82%AC", "/invoices/€"),
        ("/invoices/a+b", "/invoices/a+b"),
        ("/invoices/%zz", "/invoices/%zz"),
        ("/invoices/%4", "/invoices/%4"),
        ("", "/"),
    ])
    func thePathIsPercentDecoded(_ target: String, _ path: String) {
        #expect(HTTPRequest(method: .get, target: target).path == path)
    }

    @Test func theQueryIsSplitAndDecodedInOrder() {
        let request = HTTPRequest(method: .get, target: "/x?b=2&a=1+2&c&a=%3D&&d=")
        #expect(
            request.query == [
                QueryItem(name: "b", value: "2"), QueryItem(name: "a", value: "1 2"), QueryItem(name: "c", value: ""),
                QueryItem(name: "a", value: "="), QueryItem(name: "d", value: ""),
            ])
        #expect(request.queryValues("a") == ["1 2", "="])
        #expect(request.path == "/x")
        #expect(request.target == "/x?b=2&a=1+2&c&a=%3D&&d=")
    }

    @Test func anEncodedQuestionMarkStaysInThePath() {
        let request = HTTPRequest(method: .get, target: "/a%3Fb?c=d")
        #expect(request.path == "/a?b")
        #expect(request.query == [QueryItem(name: "c", value: "d")])
    }
}

struct HTTPHeadersTests {
    @Test func namesCompareCaseInsensitively() {
        let headers: HTTPHeaders = ["Content-Type": "a", "VERSION": "b", "version": "c"]
        #expect(headers["content-type"] == "a")
        #expect(headers["Version"] == "b")
        #expect(headers.values(for: "version") == ["b", "c"])
        #expect(headers["Authorization"] == nil)
    }

    @Test func replaceKeepsOneField() {
        var headers: HTTPHeaders = ["A": "1", "a": "2"]
        headers.replace(name: "A", value: "3")
        #expect(headers.values(for: "a") == ["3"])
    }

    @Test func everyStatusTheSandboxSendsHasAPhrase() {
        for status in [200, 400, 401, 403, 404, 413, 422, 500, 501] {
            #expect(HTTPStatusPhrase.phrase(for: status) != "Unknown")
        }
    }
}
