import Foundation
import InvoiceAPI
import SandboxHTTP
import SandboxJSON
import Testing

/// The request journal: what is recorded, masking, filters, the bound and clearing.
struct JournalTests {
    static func requests(_ api: SandboxAPI, _ query: String = "") -> [JSONObject] {
        let body = ControlFixture.control(api, .get, "/_sandbox/requests\(query)").json.objectValue
        return body?["requests"]?.arrayValue?.compactMap(\.objectValue) ?? []
    }

    @Test func aHighLevelRequestIsRecordedWithItsTokenMasked() throws {
        let api = try ControlFixture.api()
        let sent = ControlFixture.getInvoice(api, ControlFixture.docsInvoice)
        let entries = Self.requests(api)
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(entry["method"] == "GET")
        #expect(entry["path"] == .string("/invoices/\(ControlFixture.docsInvoice)"))
        #expect(entry["query"] == ["altId": .string(ControlFixture.locationA), "altType": "location"])
        #expect(entry["headers"] == ["Authorization": "Bearer ****on-a", "Version": "2021-07-28"])
        #expect(entry["locationId"] == .string(ControlFixture.locationA))
        #expect(entry["status"] == .number(Double(sent.status)))
        #expect(entry["body"] == .null)
        #expect(entry["sequence"] == 1)
        #expect((entry["responseTimeMs"]?.numberValue ?? -1) >= 0)
        #expect(entry["time"]?.stringValue?.hasSuffix("Z") == true)
        #expect(!JSONWriter.string(.object(entry)).contains(ControlFixture.tokenA))
    }

    @Test func controlRequestsAreNotRecorded() throws {
        let api = try ControlFixture.api()
        _ = ControlFixture.control(api, .get, "/_sandbox/health")
        #expect(Self.requests(api).isEmpty)
    }

    @Test(arguments: [
        ("Bearer pit-sandbox-location-a", "Bearer ****on-a"), ("Bearer abcd", "Bearer ****"),
        ("token-only", "****only"),
        ("Basic dXNlcjpwYXNz", "Basic ****YXNz"),
    ])
    func credentialsKeepOnlyTheirLastFourCharacters(value: String, masked: String) {
        let fields = RequestJournal.masked(["authorization": value, "X-Sandbox-Token": "secret", "Accept": "*/*"])
        #expect(fields.map(\.value) == [masked, "****", "*/*"])
    }

    @Test func aJSONBodyIsRecordedAsJSONAndOtherBodiesAsText() throws {
        let api = try ControlFixture.api()
        let headers: HTTPHeaders = [
            "Authorization": "Bearer \(ControlFixture.tokenA)", "Version": "2021-07-28",
            "Content-Type": "application/json",
        ]
        _ = api.respond(
            to: HTTPRequest(
                method: .post, target: "/invoices/schedule/\(ControlFixture.docsSchedule)/cancel", headers: headers,
                body: JSONWriter.bytes(["altId": .string(ControlFixture.locationB), "altType": "location"])))
        _ = api.respond(
            to: HTTPRequest(method: .post, target: "/invoices/", headers: headers, body: Array("oops".utf8)))
        let entries = Self.requests(api)
        #expect(entries[0]["body"] == ["altId": .string(ControlFixture.locationB), "altType": "location"])
        #expect(entries[0]["locationId"] == .string(ControlFixture.locationB))
        #expect(entries[0]["status"] == 403)
        #expect(entries[1]["body"] == "oops")
        #expect(entries[1]["status"] == 400)
    }

    @Test func filtersSelectByMethodPathLocationStatusSinceAndLimit() throws {
        let api = try ControlFixture.api()
        _ = ControlFixture.getInvoice(api, ControlFixture.docsInvoice)
        _ = ControlFixture.getInvoice(api, ControlFixture.docsInvoice, location: ControlFixture.locationB)
        _ = api.respond(to: HTTPRequest(method: .delete, target: "/nowhere"))
        #expect(Self.requests(api, "?method=get").count == 2)
        #expect(Self.requests(api, "?path=/invoices/").count == 2)
        #expect(Self.requests(api, "?locationId=\(ControlFixture.locationB)").count == 1)
        #expect(Self.requests(api, "?status=403").count == 1)
        #expect(Self.requests(api, "?status=4xx").count == 2)
        #expect(Self.requests(api, "?status=2xx").count == 1)
        #expect(Self.requests(api, "?since=2000-01-01T00:00:00Z").count == 3)
        #expect(Self.requests(api, "?since=2999-01-01T00:00:00.000Z").isEmpty)
        #expect(Self.requests(api, "?limit=1").first?["sequence"] == 3)
        let bad = ControlFixture.control(api, .get, "/_sandbox/requests?since=yesterday")
        #expect(bad.status == 400)
        #expect(ControlFixture.control(api, .get, "/_sandbox/requests?status=6xx").status == 400)
    }

    @Test func theJournalKeepsOnlyTheNewestEntriesUpToItsCapacity() throws {
        let api = try ControlFixture.api(journalCapacity: 3)
        for _ in 0..<5 { _ = ControlFixture.getInvoice(api, ControlFixture.docsInvoice) }
        let body = ControlFixture.control(api, .get, "/_sandbox/requests").json.objectValue
        #expect(body?["requests"]?.arrayValue?.compactMap { $0.objectValue?["sequence"] } == [3, 4, 5])
        #expect(body?["capacity"] == 3)
        #expect(body?["evicted"] == 2)
    }

    @Test func aZeroCapacityJournalRecordsNothing() throws {
        let api = try ControlFixture.api(journalCapacity: 0)
        _ = ControlFixture.getInvoice(api, ControlFixture.docsInvoice)
        #expect(Self.requests(api).isEmpty)
    }

    @Test func clearingRemovesAllOrOneLocationsEntries() throws {
        let api = try ControlFixture.api()
        _ = ControlFixture.getInvoice(api, ControlFixture.docsInvoice)
        _ = ControlFixture.getInvoice(api, ControlFixture.docsInvoice, location: ControlFixture.locationB)
        let scoped = ControlFixture.control(api, .delete, "/_sandbox/requests?locationId=\(ControlFixture.locationB)")
        #expect(scoped.json == ["cleared": 1])
        #expect(Self.requests(api).count == 1)
        #expect(ControlFixture.control(api, .delete, "/_sandbox/requests").json == ["cleared": 1])
        #expect(Self.requests(api).isEmpty)
    }

    @Test func longBodiesAreCutAtTheLimit() {
        let journal = RequestJournal(capacity: 2)
        let entry = RequestJournal.Entry(
            sequence: 0, time: Date(), method: "PUT", path: "/", query: [], headers: [], body: [], bodyTruncated: false,
            locationId: nil, status: 200, duration: .zero, faultId: nil)
        journal.record(entry)
        journal.record(entry)
        journal.record(entry)
        #expect(journal.entries().map(\.sequence) == [2, 3])
        #expect(journal.counts.evicted == 1)
        #expect(RequestJournal.maxBodyBytes == 65_536)
    }
}
