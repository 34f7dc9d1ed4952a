import InvoiceDomain
import SandboxJSON
import Testing

struct InvoiceRecordTests {
    static let now = "2026-11-21T12:00:00.000Z"

    static func record(_ changes: (inout JSONObject) -> Void = { _ in }) -> JSONValue {
        var object: JSONObject = [
            "_id": "6578278e879ad2646715ba9c", "status": "draft", "liveMode": false, "amountPaid": 0,
            "altId": "loc", "altType": "location", "name": "New Invoice", "invoiceNumber": "19", "currency": "USD",
            "issueDate": "2023-01-01", "dueDate": "2023-01-01",
            "discount": ["type": "percentage", "value": 0],
            "invoiceItems": [
                ["_id": "i1", "name": "Macbook Pro", "currency": "USD", "qty": 1, "amount": 999, "taxes": []]
            ],
            "total": 5, "title": "INVOICE", "amountDue": 5, "createdAt": "2023-12-12T09:27:42.355Z",
            "updatedAt": "2023-12-12T09:27:42.355Z", "totalSummary": ["subTotal": 1, "discount": 2, "tax": 3],
            "businessDetails": ["name": "Alex"],
        ]
        changes(&object)
        return .object(object)
    }

    @Test func aProductionRecordReadsAndItsTotalsAreRecomputed() throws {
        let invoice = try Invoice(record: Self.record(), now: Self.now)
        let json = invoice.json(includeTotalSummary: true)
        #expect(json.objectValue?["total"] == 999)
        #expect(json.objectValue?["amountDue"] == 999)
        #expect(json.objectValue?["totalSummary"] == ["subTotal": 999, "discount": 0, "tax": 0])
        #expect(json.objectValue?["businessDetails"] == ["name": "Alex"])
    }

    @Test func fieldsTheSandboxDoesNotInterpretSurviveInTheirOrder() throws {
        let invoice = try Invoice(
            record: Self.record { $0["sentTo"] = ["email": ["a@example.com"]] }, now: Self.now)
        let keys = invoice.json(includeTotalSummary: true).objectValue?.keys ?? []
        #expect(keys.first == "_id")
        #expect(keys.contains("sentTo"))
        #expect(keys.firstIndex(of: "businessDetails")! < keys.firstIndex(of: "sentTo")!)
    }

    @Test func aNumericInvoiceNumberIsKeptAsAString() throws {
        let invoice = try Invoice(record: Self.record { $0["invoiceNumber"] = 19 }, now: Self.now)
        #expect(invoice.json(includeTotalSummary: false).objectValue?["invoiceNumber"] == "19")
    }

    @Test func theUpdateShapeHasNoTotalSummary() throws {
        let invoice = try Invoice(record: Self.record(), now: Self.now)
        #expect(invoice.json(includeTotalSummary: false).objectValue?["totalSummary"] == nil)
    }

    @Test func missingOptionalFieldsGetDefaults() throws {
        let invoice = try Invoice(
            record: [
                "_id": "x", "altId": "loc", "name": "n", "status": "sent",
                "invoiceItems": [["name": "a", "qty": 1, "amount": 2]],
            ], now: Self.now)
        let json = try #require(invoice.json(includeTotalSummary: true).objectValue)
        #expect(json["currency"] == "USD")
        #expect(json["altType"] == "location")
        #expect(json["liveMode"] == false)
        #expect(json["title"] == "INVOICE")
        #expect(json["createdAt"] == .string(Self.now))
        #expect(json["amountPaid"] == 0)
    }

    struct BrokenCase: Sendable, CustomTestStringConvertible {
        let change: @Sendable (inout JSONObject) -> Void
        let expected: RecordError
        var testDescription: String { expected.description }
    }

    static let brokenCases: [BrokenCase] = [
        BrokenCase(change: { $0["_id"] = nil }, expected: RecordError(path: "_id", problem: "is required")),
        BrokenCase(change: { $0["altId"] = 5 }, expected: RecordError(path: "altId", problem: "must be a string")),
        BrokenCase(
            change: { $0["status"] = "lost" },
            expected: RecordError(
                path: "status", problem: "must be one of draft, sent, payment_processing, paid, void, partially_paid")),
        BrokenCase(
            change: { $0["altType"] = "company" }, expected: RecordError(path: "altType", problem: "must be location")),
        BrokenCase(
            change: { $0["invoiceItems"] = nil }, expected: RecordError(path: "invoiceItems", problem: "is required")),
        BrokenCase(
            change: { $0["invoiceItems"] = [["name": "a", "qty": "1", "amount": 2]] },
            expected: RecordError(path: "invoiceItems[0].qty", problem: "must be a number")),
        BrokenCase(
            change: {
                $0["invoiceItems"] = [["name": "a", "qty": 1, "amount": 2, "taxes": [["name": "t", "rate": 5]]]]
            },
            expected: RecordError(path: "invoiceItems[0].taxes[0]._id", problem: "is required")),
        BrokenCase(
            change: { $0["discount"] = ["type": "half"] },
            expected: RecordError(path: "discount.type", problem: "must be one of percentage, fixed")),
        BrokenCase(
            change: { $0["amountPaid"] = true }, expected: RecordError(path: "amountPaid", problem: "must be a number")),
        BrokenCase(
            change: { $0["invoiceNumber"] = [1] },
            expected: RecordError(path: "invoiceNumber", problem: "must be a string or a number")),
        BrokenCase(
            change: { $0["liveMode"] = "no" }, expected: RecordError(path: "liveMode", problem: "must be a boolean")),
    ]

    @Test(arguments: brokenCases)
    func aBrokenRecordNamesTheField(_ testCase: BrokenCase) {
        #expect(throws: testCase.expected) {
            try Invoice(record: Self.record(testCase.change), now: Self.now)
        }
    }

    @Test func aRecordThatIsNotAnObjectIsRefusedWithItsPath() {
        #expect(throws: RecordError(path: "[3]", problem: "must be an object")) {
            try Invoice(record: "text", path: "[3]", now: Self.now)
        }
    }
}
