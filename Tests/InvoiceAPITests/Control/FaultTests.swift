import InvoiceAPI
import SandboxHTTP
import SandboxJSON
import Testing

/// Fault rules: registration, validation, matching and what a matching request gets.
struct FaultTests {
    static func register(_ api: SandboxAPI, _ rule: JSONValue, query: String = "") -> HTTPResponse {
        ControlFixture.control(api, .post, "/_sandbox/faults\(query)", body: rule)
    }

    @Test func aRespondRuleAnswersTheNextNMatchingRequestsThenExpires() throws {
        let api = try ControlFixture.api()
        let registered = Self.register(
            api,
            [
                "method": "GET", "path": "/invoices/*", "times": 2,
                "respond": ["status": 503, "body": ["message": "down"], "headers": ["X-Trace": "1"]],
            ])
        #expect(registered.status == 201)
        let id = try #require(registered.json.objectValue?["id"]?.stringValue)
        let first = ControlFixture.getInvoice(api, ControlFixture.docsInvoice)
        #expect(first.status == 503)
        #expect(first.json == ["message": "down"])
        #expect(first.headers["X-Trace"] == "1")
        #expect(first.headers["Content-Type"] == Responses.contentType)
        let rule = ControlFixture.control(api, .get, "/_sandbox/faults/\(id)").json.objectValue
        #expect(rule?["remaining"] == 1)
        #expect(rule?["matched"] == 1)
        #expect(ControlFixture.getInvoice(api, ControlFixture.docsInvoice).status == 503)
        #expect(ControlFixture.getInvoice(api, ControlFixture.docsInvoice).status == 200)
        #expect(ControlFixture.control(api, .get, "/_sandbox/faults/\(id)").status == 404)
        let journal = ControlFixture.control(api, .get, "/_sandbox/requests").json.objectValue?["requests"]?.arrayValue
        #expect(journal?.map { $0.objectValue?["faultId"] } == [.string(id), .string(id), .null])
    }

    @Test func aRateLimitRuleAnswers429WithHighLevelsHeaders() throws {
        let api = try ControlFixture.api()
        _ = Self.register(api, ["rateLimit": ["retryAfterSeconds": 7, "max": 100]])
        let response = ControlFixture.getInvoice(api, ControlFixture.docsInvoice)
        #expect(response.status == 429)
        #expect(response.json == ["statusCode": 429, "message": .string(ControlMessages.tooManyRequests)])
        #expect(response.headers["Retry-After"] == "7")
        #expect(response.headers["X-RateLimit-Remaining"] == "0")
        #expect(response.headers["X-RateLimit-Max"] == "100")
        #expect(response.headers["X-RateLimit-Interval-Milliseconds"] == "10000")
        #expect(response.headers["X-RateLimit-Limit-Daily"] == "200000")
        #expect(response.headers["X-RateLimit-Daily-Remaining"] == "199999")
    }

    @Test func aDropRuleClosesWithoutAnswerAndTheJournalSaysSo() throws {
        let api = try ControlFixture.api()
        _ = Self.register(api, ["drop": true, "latencyMs": 20])
        let response = ControlFixture.getInvoice(api, ControlFixture.docsInvoice)
        #expect(response.closesWithoutAnswer)
        #expect(response.delay == .milliseconds(20))
        let entry = ControlFixture.control(api, .get, "/_sandbox/requests").json.objectValue?["requests"]?
            .arrayValue?.first?.objectValue
        #expect(entry?["status"] == .null)
        #expect((entry?["responseTimeMs"]?.numberValue ?? 0) >= 20)
    }

    @Test func aLatencyRuleDelaysTheRealAnswer() throws {
        let api = try ControlFixture.api()
        _ = Self.register(api, ["latencyMs": 250])
        let response = ControlFixture.getInvoice(api, ControlFixture.docsInvoice)
        #expect(response.status == 200)
        #expect(response.delay == .milliseconds(250))
        #expect(!response.closesWithoutAnswer)
    }

    @Test func rulesMatchOnMethodPathAndLocation() throws {
        let api = try ControlFixture.api()
        _ = Self.register(
            api, ["method": "PUT", "respond": ["status": 500]], query: "?locationId=\(ControlFixture.locationA)")
        _ = Self.register(api, ["path": "/invoices/schedule/**", "respond": ["status": 502]])
        _ = Self.register(api, ["locationId": .string(ControlFixture.locationB), "respond": ["status": 504]])
        #expect(ControlFixture.getInvoice(api, ControlFixture.docsInvoice).status == 200)
        #expect(
            ControlFixture.getInvoice(api, ControlFixture.docsInvoice, location: ControlFixture.locationB).status == 504
        )
        let cancel = api.respond(to: HTTPRequest(method: .post, target: "/invoices/schedule/abc/cancel"))
        #expect(cancel.status == 502)
        #expect(cancel.json == ["statusCode": 502, "message": "Bad Gateway"])
        let put = api.respond(
            to: HTTPRequest(
                method: .put, target: "/invoices/x", headers: ["Content-Type": "application/json"],
                body: JSONWriter.bytes(["altId": .string(ControlFixture.locationA)])))
        #expect(put.status == 500)
        let faults = ControlFixture.control(api, .get, "/_sandbox/faults?locationId=\(ControlFixture.locationA)")
        #expect(faults.json.objectValue?["faults"]?.arrayValue?.count == 1)
    }

    @Test func rulesAreListedRemovedAndCleared() throws {
        let api = try ControlFixture.api()
        let first = Self.register(api, ["drop": true]).json.objectValue?["id"]?.stringValue ?? ""
        _ = Self.register(api, ["latencyMs": 10, "locationId": "x"])
        #expect(
            ControlFixture.control(api, .get, "/_sandbox/faults").json.objectValue?["faults"]?.arrayValue?.count == 2)
        #expect(ControlFixture.control(api, .delete, "/_sandbox/faults/\(first)").status == 200)
        #expect(ControlFixture.control(api, .delete, "/_sandbox/faults/\(first)").status == 404)
        #expect(ControlFixture.control(api, .delete, "/_sandbox/faults").json == ["cleared": 1])
        #expect(ControlFixture.getInvoice(api, ControlFixture.docsInvoice).status == 200)
    }

    static let invalidRules: [(JSONValue, String)] = [
        ((["respond": ["status": 503], "drop": true]), "give at most one of respond, rateLimit and drop"),
        ([:], "give one of respond, rateLimit and drop, or a latencyMs above 0"),
        (["drop": true, "times": 0], "times must be a positive whole number"),
        (["drop": true, "method": "FETCH"], "method must be an HTTP method such as GET or PUT"),
        (
            ["drop": true, "path": "invoices"],
            "path must be a pattern starting with / (* within a segment, ** across segments)"
        ),
        (["latencyMs": 60001], "latencyMs must be a whole number from 0 to 60000"),
        (["respond": ["status": 99]], "respond.status must be a whole number from 200 to 599"),
        (
            ["respond": ["status": 500, "headers": ["Bad Name": "x"]]],
            "respond.headers.Bad Name must be a valid header name with a string value"
        ),
        (
            ["respond": ["status": 500, "headers": ["X-A": "line\nbreak"]]],
            "respond.headers.X-A must be a valid header name with a string value"
        ),
        (["rateLimit": ["retryAfterSeconds": -1]], "rateLimit.retryAfterSeconds must be a whole number of 0 or more"),
        (["drop": false], "drop must be true"),
        (
            ["drop": true, "when": "now"],
            "when is not a known field (drop, latencyMs, locationId, method, path, rateLimit, respond, times)"
        ),
    ]

    @Test(arguments: invalidRules)
    func anInvalidRuleIsA400(rule: JSONValue, problem: String) throws {
        let api = try ControlFixture.api()
        let response = Self.register(api, rule)
        #expect(response.json == ControlFixture.error(400, ControlMessages.invalidFault(problem)))
    }

    @Test func controlRoutesAreNeverFaulted() throws {
        let api = try ControlFixture.api()
        _ = Self.register(api, ["path": "/**", "respond": ["status": 500]])
        #expect(ControlFixture.control(api, .get, "/_sandbox/health").status == 200)
    }
}

/// Path patterns of fault rules.
struct PathGlobTests {
    @Test(arguments: [
        ("/invoices/*", "/invoices/abc", true), ("/invoices/*", "/invoices/abc/cancel", false),
        ("/invoices/**", "/invoices/schedule/abc/cancel", true), ("/invoices/*/cancel", "/invoices/x/cancel", true),
        ("/INVOICES/*", "/invoices/x", true), ("/invoices/", "/invoices/", true), ("/invoices", "/invoices/", false),
        ("**", "/anything/at/all", true), ("/a*c", "/abbbc", true), ("/a*c", "/ab/c", false), ("*", "", true),
        ("/x", "", false),
    ])
    func matches(pattern: String, path: String, expected: Bool) {
        #expect(PathGlob(pattern).matches(path) == expected)
    }

    @Test func aPathologicalPatternStaysFast() {
        let pattern = PathGlob(String(repeating: "*a", count: 200) + "b")
        let clock = ContinuousClock()
        let elapsed = clock.measure { #expect(!pattern.matches("/" + String(repeating: "a", count: 1000))) }
        #expect(elapsed < .seconds(5))
    }
}
