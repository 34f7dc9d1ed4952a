import InvoiceAPI
import SandboxJSON
import Testing

/// `GET` and `PUT /_sandbox/state`.
struct StateRoutesTests {
    @Test func anExportedStateRestoresEverythingAfterChanges() throws {
        let api = try ControlFixture.api()
        _ = ControlFixture.control(api, .post, "/_sandbox/invoices", body: ControlFixture.invoiceRecord(status: "void"))
        let exported = ControlFixture.control(api, .get, "/_sandbox/state")
        #expect(exported.status == 200)
        let state = try #require(exported.json.objectValue)
        #expect(state.keys == ["tokens", "invoices", "schedules"])
        #expect(state["invoices"]?.arrayValue?.count == 13)

        _ = ControlFixture.control(api, .post, "/_sandbox/reset")
        _ = ControlFixture.control(api, .delete, "/_sandbox/tokens/\(ControlFixture.tokenA)")
        let restored = ControlFixture.control(api, .put, "/_sandbox/state", body: exported.json)
        #expect(restored.status == 200)
        #expect(restored.json == ["tokens": 5, "invoices": 13, "schedules": 4])
        #expect(ControlFixture.control(api, .get, "/_sandbox/state").json == exported.json)
        #expect(ControlFixture.getInvoice(api, ControlFixture.docsInvoice).status == 200)
    }

    @Test func aScopedExportHoldsOnlyThatLocationAndItsOwnTokens() throws {
        let api = try ControlFixture.api()
        let state = try #require(
            ControlFixture.control(api, .get, "/_sandbox/state?locationId=\(ControlFixture.locationB)").json.objectValue
        )
        #expect(state["tokens"]?.arrayValue?.compactMap { $0.objectValue?["token"] } == ["pit-sandbox-location-b"])
        let locations = Set(state["invoices"]?.arrayValue?.compactMap { $0.objectValue?["altId"]?.stringValue } ?? [])
        #expect(locations == [ControlFixture.locationB])
    }

    @Test func aScopedReplaceLeavesOtherLocationsAlone() throws {
        let api = try ControlFixture.api()
        let scopeB = "?locationId=\(ControlFixture.locationB)"
        let document: JSONValue = [
            "tokens": [["token": "suite-b", "locationIds": [.string(ControlFixture.locationB)]]],
            "invoices": [
                ControlFixture.invoiceRecord(id: "6b00000000000000000000bb", location: ControlFixture.locationB)
            ],
            "schedules": [],
        ]
        let response = ControlFixture.control(api, .put, "/_sandbox/state\(scopeB)", body: document)
        #expect(response.json == ["tokens": 1, "invoices": 1, "schedules": 0])
        let counts = ControlFixture.control(api, .get, "/_sandbox/health").json.objectValue?["counts"]?.objectValue
        #expect(counts?["invoices"] == 11)  // 10 in A, 1 in B
        #expect(ControlFixture.control(api, .get, "/_sandbox/tokens/pit-sandbox-location-b").status == 404)
        #expect(ControlFixture.control(api, .get, "/_sandbox/tokens/pit-sandbox-all-locations").status == 200)
        #expect(ControlFixture.getInvoice(api, ControlFixture.docsInvoice).status == 200)
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        let target: String
        let body: JSONValue
        let status: Int
        let message: String
        var testDescription: String { message }
    }

    @Test(arguments: [
        Refusal(
            target: "/_sandbox/state", body: ["tokens": [], "invoices": []], status: 400,
            message: ControlMessages.stateMissing("schedules")),
        Refusal(
            target: "/_sandbox/state", body: ["tokens": [], "invoices": [["altId": "x"]], "schedules": []], status: 400,
            message: "Invalid state: invoices[0]._id is required"),
        Refusal(
            target: "/_sandbox/state", body: ["tokens": [], "invoices": [], "schedules": [], "extra": []], status: 400,
            message: "Invalid state: extra is not a known field"),
        Refusal(
            target: "/_sandbox/state?locationId=\(ControlFixture.locationB)",
            body: [
                "tokens": [], "invoices": [ControlFixture.invoiceRecord(id: "6b00000000000000000000cc")],
                "schedules": [],
            ],
            status: 400, message: ControlMessages.outsideScope("invoice", ControlFixture.locationB)),
        Refusal(
            target: "/_sandbox/state?locationId=\(ControlFixture.locationB)",
            body: [
                "tokens": [],
                "invoices": [
                    ControlFixture.invoiceRecord(id: ControlFixture.draftA, location: ControlFixture.locationB)
                ],
                "schedules": [],
            ],
            status: 409, message: "The id \(ControlFixture.draftA) is used twice, or by a record of another location"),
    ])
    func anUnusableStateIsRefusedAndChangesNothing(refusal: Refusal) throws {
        let api = try ControlFixture.api()
        let before = ControlFixture.control(api, .get, "/_sandbox/state").json
        let response = ControlFixture.control(api, .put, refusal.target, body: refusal.body)
        #expect(response.status == refusal.status)
        #expect(response.json == ControlFixture.error(refusal.status, refusal.message))
        #expect(ControlFixture.control(api, .get, "/_sandbox/state").json == before)
    }

    @Test func theStateFileRoundTripsThroughDisk() throws {
        let api = try ControlFixture.api()
        _ = ControlFixture.control(api, .post, "/_sandbox/invoices", body: ControlFixture.invoiceRecord(status: "paid"))
        let path = FileManagerPaths.temporary("state.json")
        try StateFile.write(api.sandboxState, to: path)
        let seed = try #require(try StateFile.read(path: path))
        #expect(seed.invoices.count == 13)
        #expect(seed.tokens.count == 5)
        #expect(try StateFile.read(path: path + ".absent") == nil)
    }
}
