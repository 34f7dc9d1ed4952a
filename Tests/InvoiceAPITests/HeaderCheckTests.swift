import InvoiceAPI
import SandboxHTTP
import SandboxJSON
import Testing

struct HeaderCheckTests {
    static let invalidToken: JSONValue = [
        "statusCode": 401, "message": .string(Messages.invalidToken), "error": "Unauthorized",
    ]
    static let versionMissing: JSONValue = ["statusCode": 401, "message": .string(Messages.versionMissing)]
    static let versionInvalid: JSONValue = ["statusCode": 401, "message": .string(Messages.versionInvalid)]
    static let scope: JSONValue = ["statusCode": 401, "message": .string(Messages.scopeNotAuthorized)]
    static let forbidden: JSONValue = ["statusCode": 403, "message": .string(Messages.locationForbidden)]

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let headers: HTTPHeaders
        let query: String
        let status: Int
        let body: JSONValue
        var testDescription: String { name }
    }

    static let locationQuery = "altId=\(Fixture.locationA)&altType=location"

    static let cases: [Case] = [
        Case(
            name: "no Authorization", headers: ["Version": "2021-07-28"], query: locationQuery, status: 401,
            body: invalidToken),
        Case(
            name: "Basic scheme", headers: ["Authorization": "Basic all", "Version": "2021-07-28"],
            query: locationQuery,
            status: 401, body: invalidToken),
        Case(
            name: "Bearer without a token", headers: ["Authorization": "Bearer ", "Version": "2021-07-28"],
            query: locationQuery, status: 401, body: invalidToken),
        Case(
            name: "unknown token", headers: ["Authorization": "Bearer nope", "Version": "2021-07-28"],
            query: locationQuery, status: 401, body: invalidToken),
        Case(
            name: "unknown token is reported before a missing Version", headers: ["Authorization": "Bearer nope"],
            query: locationQuery, status: 401, body: invalidToken),
        Case(
            name: "no Version", headers: ["Authorization": "Bearer all"], query: locationQuery, status: 401,
            body: versionMissing),
        Case(
            name: "Version not accepted", headers: ["Authorization": "Bearer all", "Version": "v3"],
            query: locationQuery,
            status: 401, body: versionInvalid),
        Case(
            name: "Version is checked before the scope", headers: ["Authorization": "Bearer schedules"],
            query: locationQuery, status: 401, body: versionMissing),
        Case(
            name: "token without invoices.readonly",
            headers: ["Authorization": "Bearer schedules", "Version": "2021-07-28"], query: "", status: 401, body: scope
        ),
        Case(
            name: "scope is checked before altId validation",
            headers: ["Authorization": "Bearer schedules", "Version": "2021-07-28"], query: "altType=nope", status: 401,
            body: scope),
        Case(
            name: "location the token cannot use", headers: Fixture.goodHeaders,
            query: "altId=\(Fixture.locationB)&altType=location", status: 403, body: forbidden),
        Case(
            name: "header names are case-insensitive and the scheme too",
            headers: ["authorization": "bearer all", "VERSION": "2021-07-28"], query: locationQuery, status: 200,
            body: .null),
    ]

    @Test(arguments: cases)
    func headersAreCheckedInOrderWithExactBodies(_ testCase: Case) throws {
        let api = try Fixture.api()
        let response = api.respond(
            to: Fixture.get(Fixture.invoiceTarget(query: testCase.query), headers: testCase.headers))
        #expect(response.status == testCase.status)
        if testCase.body != .null {
            #expect(response.json == testCase.body)
        }
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
    }

    @Test func acceptedVersionsAreConfigurable() throws {
        let api = try Fixture.api(acceptedVersions: ["2021-07-28", "v3"])
        let headers: HTTPHeaders = ["Authorization": "Bearer all", "Version": "v3"]
        #expect(api.respond(to: Fixture.get(Fixture.invoiceTarget(), headers: headers)).status == 200)
        let old: HTTPHeaders = ["Authorization": "Bearer all", "Version": "2021-04-15"]
        #expect(api.respond(to: Fixture.get(Fixture.invoiceTarget(), headers: old)).json == Self.versionInvalid)
    }

    @Test func aReadOnlyTokenCanRead() throws {
        let headers: HTTPHeaders = ["Authorization": "Bearer readonly", "Version": "2021-07-28"]
        #expect(try Fixture.api().respond(to: Fixture.get(Fixture.invoiceTarget(), headers: headers)).status == 200)
    }
}
