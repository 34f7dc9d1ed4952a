import Foundation
import InvoiceAPI
import InvoiceDomain
import SandboxJSON
import SandboxTesting
import Testing

struct SeedDataTests {
    static let now = "2026-11-21T12:00:00.000Z"
    static let token: JSONValue = [["token": "t", "locationIds": ["L1"]]]

    @Test func theShippedSeedDataLoads() throws {
        let seed = try SeedData.load(directory: RepositoryPaths.seedData)
        #expect(seed.tokens.count >= 3)
        #expect(seed.invoices.count >= 10)
        #expect(!seed.schedules.isEmpty)
        let store = try InvoiceStore(storedInvoices: seed.invoices, schedules: seed.schedules)
        let docs = try store.invoice(id: "6578278e879ad2646715ba9c", locationId: "6578278e879ad2646715ba9c")
        #expect(docs.invoice.name == "New Invoice")
        #expect(try store.schedule(id: "6578278e879ad2646715ba9c", locationId: "6578278e879ad2646715ba9c").id != "")
    }

    @Test func theShippedSeedDataCoversEveryStatusTwoLocationsAndAReadOnlyToken() throws {
        let seed = try SeedData.load(directory: RepositoryPaths.seedData)
        #expect(Set(seed.invoices.map(\.status)) == Set(InvoiceStatus.allCases))
        #expect(Set(seed.invoices.map(\.locationId)).count >= 2)
        #expect(seed.tokens.contains { !$0.scopes.contains(.invoicesWrite) && $0.scopes.contains(.invoicesReadonly) })
    }

    @Test func theShippedTotalsAgreeWithTheModel() throws {
        let directory = RepositoryPaths.seedData
        let raw = try JSONParser.parse([UInt8](Data(contentsOf: URL(fileURLWithPath: directory + "/invoices.json"))))
        let seed = try SeedData.load(directory: directory)
        for (record, invoice) in zip(raw.arrayValue ?? [], seed.invoices) {
            let computed = invoice.invoice.json(includeTotalSummary: true).objectValue
            #expect(record.objectValue?["total"] == computed?["total"], "\(invoice.id)")
            #expect(record.objectValue?["totalSummary"] == computed?["totalSummary"], "\(invoice.id)")
        }
    }

    @Test func tokensWithoutScopesGetEveryScope() throws {
        let seed = try SeedData.decode(tokens: Self.token, invoices: nil, schedules: nil, now: Self.now)
        #expect(seed.tokens == [AccessToken(token: "t", locationIds: ["L1"])])
        #expect(seed.tokens[0].scopes == Set(Scope.allCases))
    }

    struct BrokenCase: Sendable, CustomTestStringConvertible {
        let tokens: JSONValue
        let invoices: JSONValue?
        let expected: String
        var testDescription: String { expected }
    }

    static let invoice: JSONValue = [
        "_id": "a", "altId": "L1", "name": "n", "status": "draft", "invoiceItems": [],
    ]

    static let brokenCases: [BrokenCase] = [
        BrokenCase(tokens: ["token": "t"], invoices: nil, expected: "tokens.json: must hold a JSON array"),
        BrokenCase(
            tokens: [["token": "", "locationIds": ["L1"]]], invoices: nil,
            expected: "tokens.json: [0].token must be a non-empty string"),
        BrokenCase(
            tokens: [["token": "t", "locationIds": []]], invoices: nil,
            expected: "tokens.json: [0].locationIds must name at least one location"),
        BrokenCase(
            tokens: [["token": "t", "locationIds": ["L1"], "scopes": ["invoices.read"]]], invoices: nil,
            expected:
                "tokens.json: [0].scopes[0] invoices.read is not one of invoices.readonly, invoices.write, invoices/schedule.readonly, invoices/schedule.write"
        ),
        BrokenCase(
            tokens: [["token": "t", "locationIds": ["L1"], "scope": []]], invoices: nil,
            expected: "tokens.json: [0].scope is not a known field (token, locationIds, scopes)"),
        BrokenCase(
            tokens: [["token": "t", "locationIds": ["L1"]], ["token": "t", "locationIds": ["L2"]]], invoices: nil,
            expected: "tokens.json: [1].token t appears twice"),
        BrokenCase(tokens: token, invoices: [invoice, invoice], expected: "invoices.json: [1]._id a appears twice"),
        BrokenCase(
            tokens: token, invoices: [invoice, ["_id": "b", "altId": "L1", "status": "draft", "invoiceItems": []]],
            expected: "invoices.json: [1].name is required"),
    ]

    @Test(arguments: brokenCases)
    func aBrokenFileNamesTheFileAndTheField(_ testCase: BrokenCase) {
        do {
            _ = try SeedData.decode(tokens: testCase.tokens, invoices: testCase.invoices, schedules: nil, now: Self.now)
            Issue.record("expected \(testCase.expected)")
        } catch {
            #expect(error.description == testCase.expected)
        }
    }

    @Test func aFolderWithoutTokensIsRefused() throws {
        let directory = try Self.temporaryFolder(files: ["invoices.json": "[]"])
        #expect(throws: SeedError(file: "tokens.json", problem: "is missing from \(directory)")) {
            try SeedData.load(directory: directory)
        }
    }

    @Test func aFileThatIsNotJSONNamesTheFileAndThePosition() throws {
        let directory = try Self.temporaryFolder(files: ["tokens.json": "[{\"token\": }]"])
        do {
            _ = try SeedData.load(directory: directory)
            Issue.record("expected a failure")
        } catch {
            #expect(error.file == "tokens.json")
            #expect(error.problem.hasPrefix("is not valid JSON"))
        }
    }

    @Test func aMissingFolderIsRefused() {
        #expect(throws: SeedError(file: "/nonexistent/seed", problem: "is not a folder")) {
            try SeedData.load(directory: "/nonexistent/seed")
        }
    }

    @Test func optionalFilesMayBeAbsent() throws {
        let directory = try Self.temporaryFolder(files: ["tokens.json": #"[{"token":"t","locationIds":["L"]}]"#])
        let seed = try SeedData.load(directory: directory)
        #expect(seed.invoices.isEmpty && seed.schedules.isEmpty && seed.tokens.count == 1)
    }

    static func temporaryFolder(files: [String: String]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("seed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
        return directory.path
    }
}
