import InvoiceAPI
import SandboxJSON
import Testing

/// `GET /_sandbox/health` and `POST /_sandbox/reset`, straight through the API.
struct HealthAndResetTests {
    @Test func healthReportsStatusVersionUptimeAndCounts() throws {
        let api = try ControlFixture.api()
        let response = ControlFixture.control(api, .get, "/_sandbox/health")
        #expect(response.status == 200)
        let body = try #require(response.json.objectValue)
        #expect(body["status"] == "ok")
        #expect(body["version"] == .string(SandboxVersion.current))
        #expect(body["apiVersions"] == ["2021-07-28"])
        #expect((body["uptimeSeconds"]?.numberValue ?? -1) >= 0)
        #expect(body["controlAPI"] == "open")
        #expect(
            body["counts"] == ["tokens": 5, "invoices": 12, "schedules": 4, "faults": 0, "journal": 0])
    }

    @Test func healthCountsOneLocationWhenScoped() throws {
        let api = try ControlFixture.api()
        let counts = ControlFixture.control(api, .get, "/_sandbox/health?locationId=\(ControlFixture.locationB)")
            .json.objectValue?["counts"]?.objectValue
        #expect(counts?["locationId"] == .string(ControlFixture.locationB))
        #expect(counts?["invoices"] == 2)
        #expect(counts?["tokens"] == 2)
    }

    @Test func resetRestoresTheSeedAfterWritesFixturesFaultsAndJournal() throws {
        let api = try ControlFixture.api()
        #expect(ControlFixture.control(api, .delete, "/_sandbox/invoices/\(ControlFixture.draftA)").status == 200)
        #expect(
            ControlFixture.control(api, .post, "/_sandbox/invoices", body: ControlFixture.invoiceRecord()).status == 201
        )
        #expect(ControlFixture.control(api, .delete, "/_sandbox/tokens/\(ControlFixture.tokenA)").status == 200)
        #expect(ControlFixture.control(api, .post, "/_sandbox/faults", body: ["drop": true]).status == 201)
        _ = ControlFixture.getInvoice(api, ControlFixture.docsInvoice)

        let response = ControlFixture.control(api, .post, "/_sandbox/reset")
        #expect(response.status == 200)
        #expect(response.json == ["reset": "all", "tokens": 5, "invoices": 12, "schedules": 4])
        #expect(ControlFixture.getInvoice(api, ControlFixture.draftA).status == 200)
        let health = ControlFixture.control(api, .get, "/_sandbox/health").json.objectValue?["counts"]
        // The journal holds only the GET made after the reset.
        #expect(health == ["tokens": 5, "invoices": 12, "schedules": 4, "faults": 0, "journal": 1])
    }

    @Test func resetOfOneLocationLeavesTheOthersAlone() throws {
        let api = try ControlFixture.api()
        let fixtureB = ControlFixture.control(
            api, .post, "/_sandbox/invoices", body: ControlFixture.invoiceRecord(location: ControlFixture.locationB))
        let fixtureBId = try #require(fixtureB.json.objectValue?["_id"]?.stringValue)
        #expect(ControlFixture.control(api, .delete, "/_sandbox/invoices/\(ControlFixture.draftA)").status == 200)
        #expect(
            ControlFixture.control(
                api, .post, "/_sandbox/tokens",
                body: ["token": "suite-a-token", "locationIds": [.string(ControlFixture.locationA)]]
            ).status == 201)
        _ = ControlFixture.control(
            api, .post, "/_sandbox/faults", body: ["locationId": .string(ControlFixture.locationB), "drop": true])

        let response = ControlFixture.control(api, .post, "/_sandbox/reset?locationId=\(ControlFixture.locationA)")
        #expect(response.json.objectValue?["reset"] == .string(ControlFixture.locationA))
        #expect(ControlFixture.getInvoice(api, ControlFixture.draftA).status == 200)
        #expect(ControlFixture.control(api, .get, "/_sandbox/invoices/\(fixtureBId)").status == 200)
        #expect(ControlFixture.control(api, .get, "/_sandbox/tokens/suite-a-token").status == 404)
        #expect(
            ControlFixture.control(api, .get, "/_sandbox/faults").json.objectValue?["faults"]?.arrayValue?.count == 1)
    }

    @Test func unknownControlRoutesAreJSONNotFound() throws {
        let api = try ControlFixture.api()
        let response = ControlFixture.control(api, .get, "/_sandbox/nothing-here")
        #expect(response.status == 404)
        #expect(
            response.json == ["message": "Cannot GET /_sandbox/nothing-here", "error": "Not Found", "statusCode": 404])
        #expect(ControlFixture.control(api, .patch, "/_sandbox/reset").status == 404)
    }

    @Test func aBodyThatIsNotJSONIsA400() throws {
        let api = try ControlFixture.api()
        let response = api.respond(
            to: .init(method: .post, target: "/_sandbox/invoices", body: Array("name=x".utf8)))
        #expect(response.status == 400)
        #expect(response.json.objectValue?["message"]?.stringValue?.hasPrefix("Request body is not valid JSON") == true)
    }

    @Test func anEmptyOrRepeatedLocationIdIsA400() throws {
        let api = try ControlFixture.api()
        for target in ["/_sandbox/invoices?locationId=", "/_sandbox/invoices?locationId=a&locationId=b"] {
            let response = ControlFixture.control(api, .get, target)
            #expect(response.status == 400)
            #expect(response.json == ControlFixture.error(400, ControlMessages.badQuery("locationId")))
        }
    }
}
