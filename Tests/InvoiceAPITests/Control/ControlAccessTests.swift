import InvoiceAPI
import SandboxHTTP
import SandboxJSON
import Testing

/// `--control-token` and `--no-control-api`.
struct ControlAccessTests {
    @Test func aControlTokenIsRequiredInItsOwnHeader() throws {
        let api = try ControlFixture.api(access: .token("control-secret"))
        let missing = ControlFixture.control(api, .get, "/_sandbox/requests")
        #expect(missing.status == 401)
        #expect(missing.json == ControlFixture.error(401, ControlMessages.controlTokenRequired))
        let wrong = ControlFixture.control(
            api, .get, "/_sandbox/requests", headers: [ControlAccess.tokenHeader: "control-secreT"])
        #expect(wrong.status == 401)
        let right = ControlFixture.control(
            api, .get, "/_sandbox/requests", headers: [ControlAccess.tokenHeader: "control-secret"])
        #expect(right.status == 200)
    }

    @Test func aHighLevelTokenNeverOpensTheControlAPI() throws {
        let api = try ControlFixture.api(access: .token("control-secret"))
        for headers: HTTPHeaders in [
            ["Authorization": "Bearer \(ControlFixture.tokenA)", "Version": "2021-07-28"],
            ["Authorization": "Bearer control-secret"], [ControlAccess.tokenHeader: ControlFixture.tokenA],
        ] {
            #expect(ControlFixture.control(api, .post, "/_sandbox/reset", headers: headers).status == 401)
        }
    }

    @Test func healthAnswersWithoutTheControlTokenAndWhenDisabled() throws {
        for access in [ControlAccess.token("control-secret"), .disabled] {
            let api = try ControlFixture.api(access: access)
            let health = ControlFixture.control(api, .get, "/_sandbox/health")
            #expect(health.status == 200)
            #expect(health.json.objectValue?["controlAPI"] == .string(access == .disabled ? "disabled" : "token"))
        }
    }

    @Test func aDisabledControlAPIAnswersLikeAnUnknownRoute() throws {
        let api = try ControlFixture.api(access: .disabled)
        let response = ControlFixture.control(api, .post, "/_sandbox/reset")
        #expect(response.status == 404)
        #expect(response.json == ["message": "Cannot POST /_sandbox/reset", "error": "Not Found", "statusCode": 404])
    }
}

/// Token lookup without short-circuiting comparisons.
struct TokenTableTests {
    @Test func tokensAreFoundOnlyByTheirExactSecret() {
        var table = TokenTable([AccessToken(token: "pit-abc", locationIds: ["l"])])
        #expect(table.token(presented: "pit-abc")?.locationIds == ["l"])
        for other in ["pit-ab", "pit-abcd", "PIT-ABC", "", "pit-abd"] {
            #expect(table.token(presented: other) == nil)
        }
        let replaced = table.put(AccessToken(token: "pit-abc", locationIds: ["m"]))
        #expect(replaced)
        #expect(table.count == 1)
        let removed = table.remove("pit-abc")
        #expect(removed?.locationIds == ["m"])
        #expect(table.count == 0)
    }

    @Test(arguments: [
        ("secret", "secret", true), ("secret", "secreT", false), ("secret", "secret!", false),
        ("secret", "secre", false),
        ("", "", true), ("a", "", false), ("ü", "u", false),
    ])
    func constantTimeEqualityAgreesWithEquality(secret: String, presented: String, expected: Bool) {
        #expect(ConstantTime.equals(secret, presented) == expected)
    }
}
