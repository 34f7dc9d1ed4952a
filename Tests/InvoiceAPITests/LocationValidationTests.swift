import InvoiceAPI
import SandboxJSON
import Testing

struct LocationValidationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let query: String
        let messages: [String]
        var testDescription: String { query.isEmpty ? "(no query)" : query }
    }

    static let cases: [Case] = [
        Case(
            query: "",
            messages: [
                "altId must be a string", "altId should not be empty", "altType must be a valid enum value",
                "altType should not be empty",
            ]),
        Case(query: "altType=location", messages: ["altId must be a string", "altId should not be empty"]),
        Case(query: "altId=&altType=location", messages: ["altId should not be empty"]),
        Case(
            query: "altId=\(Fixture.locationA)",
            messages: ["altType must be a valid enum value", "altType should not be empty"]),
        Case(query: "altId=\(Fixture.locationA)&altType=company", messages: ["altType must be a valid enum value"]),
        Case(
            query: "altId=\(Fixture.locationA)&altType=",
            messages: ["altType must be a valid enum value", "altType should not be empty"]),
        Case(query: "altId=\(Fixture.locationA)&altType=Location", messages: ["altType must be a valid enum value"]),
        Case(
            query: "altId=a&altId=b&altType=location", messages: ["altId must be a string"]),
        Case(
            query: "altId=\(Fixture.locationA)&altType=location&limit=10", messages: ["property limit should not exist"]
        ),
        Case(
            query: "foo=1&altType=x",
            messages: [
                "property foo should not exist", "altId must be a string", "altId should not be empty",
                "altType must be a valid enum value",
            ]),
    ]

    @Test(arguments: cases)
    func altIdAndAltTypeAreValidatedWithEveryMessageAtOnce(_ testCase: Case) throws {
        let response = try Fixture.api().respond(to: Fixture.get(Fixture.invoiceTarget(query: testCase.query)))
        #expect(response.status == 422)
        let expected: JSONValue = [
            "statusCode": 422, "message": .array(testCase.messages.map { .string($0) }),
            "error": "Unprocessable Entity",
        ]
        #expect(response.json == expected)
    }

    @Test func validationComesBeforeTheLocationCheck() throws {
        let response = try Fixture.api().respond(
            to: Fixture.get(Fixture.invoiceTarget(query: "altId=\(Fixture.locationB)&altType=company")))
        #expect(response.status == 422)
    }
}
