import InvoiceAPI
import SandboxHTTP
import SandboxJSON
import Testing

/// `/_sandbox/invoices`, `/_sandbox/schedules` and `/_sandbox/tokens`.
struct FixtureRoutesTests {
    @Test(arguments: ["draft", "sent", "paid", "void", "partially_paid", "payment_processing"])
    func anInvoiceCanBeCreatedInAnyStatusAndReadThroughHighLevel(status: String) throws {
        let api = try ControlFixture.api()
        let created = ControlFixture.control(
            api, .post, "/_sandbox/invoices", body: ControlFixture.invoiceRecord(status: status))
        #expect(created.status == 201)
        let id = try #require(created.json.objectValue?["_id"]?.stringValue)
        #expect(id.count == 24 && id.allSatisfy(\.isHexDigit))
        #expect(created.json.objectValue?["total"] == 100)
        let got = ControlFixture.getInvoice(api, id)
        #expect(got.status == 200)
        #expect(got.json.objectValue?["status"] == .string(status))
        #expect(got.json.objectValue?["totalSummary"] == ["subTotal": 100, "discount": 0, "tax": 0])
    }

    @Test func creatingAnExistingIdIsAConflictAndPutReplacesIt() throws {
        let api = try ControlFixture.api()
        let id = ControlFixture.draftA
        let conflict = ControlFixture.control(
            api, .post, "/_sandbox/invoices", body: ControlFixture.invoiceRecord(id: id))
        #expect(conflict.status == 409)
        #expect(conflict.json == ControlFixture.error(409, ControlMessages.alreadyExists("invoice", id)))

        let replaced = ControlFixture.control(
            api, .put, "/_sandbox/invoices/\(id)", body: ControlFixture.invoiceRecord(status: "paid", name: "Paid now"))
        #expect(replaced.status == 200)
        #expect(ControlFixture.getInvoice(api, id).json.objectValue?["name"] == "Paid now")
        let created = ControlFixture.control(
            api, .put, "/_sandbox/invoices/6b0000000000000000000001", body: ControlFixture.invoiceRecord())
        #expect(created.status == 201)
    }

    @Test func invoiceReadListAndDelete() throws {
        let api = try ControlFixture.api()
        let list = ControlFixture.control(api, .get, "/_sandbox/invoices?locationId=\(ControlFixture.locationB)")
        #expect(list.json.objectValue?["invoices"]?.arrayValue?.count == 2)
        #expect(
            ControlFixture.control(api, .get, "/_sandbox/invoices").json.objectValue?["invoices"]?.arrayValue?.count
                == 12)
        let read = ControlFixture.control(api, .get, "/_sandbox/invoices/\(ControlFixture.docsInvoice)")
        #expect(read.json == ControlFixture.getInvoice(api, ControlFixture.docsInvoice).json)
        // The control API deletes in any status; HighLevel's DELETE only takes drafts.
        let deleted = ControlFixture.control(api, .delete, "/_sandbox/invoices/\(ControlFixture.docsInvoice)")
        #expect(deleted.status == 200)
        #expect(ControlFixture.getInvoice(api, ControlFixture.docsInvoice).status == 400)
        let missing = ControlFixture.control(api, .delete, "/_sandbox/invoices/\(ControlFixture.docsInvoice)")
        #expect(
            missing.json == ControlFixture.error(404, ControlMessages.notFound("invoice", ControlFixture.docsInvoice)))
    }

    struct Invalid: Sendable, CustomTestStringConvertible {
        let body: JSONValue
        let message: String
        var testDescription: String { message }
    }

    @Test(arguments: [
        Invalid(
            body: ["name": "x", "status": "draft", "invoiceItems": []], message: "Invalid invoice: altId is required"),
        Invalid(
            body: ["altId": "l", "name": "x", "status": "archived", "invoiceItems": []],
            message:
                "Invalid invoice: status must be one of draft, sent, payment_processing, paid, void, partially_paid"),
        Invalid(
            body: [
                "altId": "l", "name": "x", "status": "draft", "invoiceItems": [["name": "a", "qty": "2", "amount": 1]],
            ],
            message: "Invalid invoice: invoiceItems[0].qty must be a number"),
        Invalid(body: [1, 2], message: ControlMessages.bodyRequired),
    ])
    func anInvalidInvoiceIsA400NamingTheField(invalid: Invalid) throws {
        let api = try ControlFixture.api()
        let response = ControlFixture.control(api, .post, "/_sandbox/invoices", body: invalid.body)
        #expect(response.status == 400)
        #expect(response.json == ControlFixture.error(400, invalid.message))
    }

    @Test func aPathIdAndADifferentBodyIdAreRefused() throws {
        let api = try ControlFixture.api()
        let response = ControlFixture.control(
            api, .put, "/_sandbox/invoices/6b0000000000000000000001",
            body: ControlFixture.invoiceRecord(id: "6b0000000000000000000002"))
        #expect(
            response.json == ControlFixture.error(400, ControlMessages.idMismatch("_id", "6b0000000000000000000001")))
    }

    @Test func aLocationScopedRequestCannotTouchAnotherLocation() throws {
        let api = try ControlFixture.api()
        let scopeB = "?locationId=\(ControlFixture.locationB)"
        #expect(ControlFixture.control(api, .get, "/_sandbox/invoices/\(ControlFixture.draftA)\(scopeB)").status == 404)
        #expect(
            ControlFixture.control(api, .delete, "/_sandbox/invoices/\(ControlFixture.draftA)\(scopeB)").status == 404)
        let foreign = ControlFixture.control(
            api, .post, "/_sandbox/invoices\(scopeB)",
            body: ControlFixture.invoiceRecord(location: ControlFixture.locationA))
        #expect(
            foreign.json == ControlFixture.error(400, ControlMessages.outsideScope("invoice", ControlFixture.locationB))
        )
        let takeover = ControlFixture.control(
            api, .put, "/_sandbox/invoices/\(ControlFixture.draftA)\(scopeB)",
            body: ControlFixture.invoiceRecord(location: ControlFixture.locationB))
        #expect(takeover.status == 409)
        #expect(ControlFixture.getInvoice(api, ControlFixture.draftA).status == 200)
    }

    @Test func schedulesCanBeCreatedReadListedReplacedAndDeleted() throws {
        let api = try ControlFixture.api()
        let created = ControlFixture.control(api, .post, "/_sandbox/schedules", body: ControlFixture.scheduleRecord())
        #expect(created.status == 201)
        let id = try #require(created.json.objectValue?["_id"]?.stringValue)
        #expect(created.json.objectValue?["total"] == 1000)
        #expect(ControlFixture.control(api, .get, "/_sandbox/schedules/\(id)").json == created.json)
        let list = ControlFixture.control(api, .get, "/_sandbox/schedules?locationId=\(ControlFixture.locationA)")
        #expect(list.json.objectValue?["schedules"]?.arrayValue?.contains(created.json) == true)
        var cancelled = try #require(ControlFixture.scheduleRecord().objectValue)
        cancelled["status"] = "cancelled"
        #expect(ControlFixture.control(api, .put, "/_sandbox/schedules/\(id)", body: .object(cancelled)).status == 200)
        let cancel = api.respond(
            to: HTTPRequest(
                method: .post, target: "/invoices/schedule/\(id)/cancel",
                headers: [
                    "Authorization": "Bearer \(ControlFixture.tokenA)", "Version": "2021-07-28",
                    "Content-Type": "application/json",
                ],
                body: JSONWriter.bytes(["altId": .string(ControlFixture.locationA), "altType": "location"])))
        #expect(cancel.json.objectValue?["message"] == .string(Messages.scheduleAlreadyCancelled))
        #expect(ControlFixture.control(api, .delete, "/_sandbox/schedules/\(id)").status == 200)
        #expect(ControlFixture.control(api, .get, "/_sandbox/schedules/\(id)").status == 404)
        let invalid = ControlFixture.control(api, .post, "/_sandbox/schedules", body: ["altId": "x"])
        #expect(invalid.json == ControlFixture.error(400, "Invalid schedule: name is required"))
    }

    @Test func tokensCanBeCreatedUsedReplacedAndDeleted() throws {
        let api = try ControlFixture.api()
        let created = ControlFixture.control(
            api, .post, "/_sandbox/tokens",
            body: ["locationIds": [.string(ControlFixture.locationA)], "scopes": ["invoices.readonly"]])
        #expect(created.status == 201)
        let secret = try #require(created.json.objectValue?["token"]?.stringValue)
        #expect(secret.hasPrefix("pit-sandbox-") && secret.count == 44)
        #expect(ControlFixture.getInvoice(api, ControlFixture.docsInvoice, token: secret).status == 200)

        let narrowed = ControlFixture.control(
            api, .put, "/_sandbox/tokens/\(secret)", body: ["locationIds": [.string(ControlFixture.locationB)]])
        #expect(narrowed.status == 200)
        #expect(ControlFixture.getInvoice(api, ControlFixture.docsInvoice, token: secret).status == 403)
        #expect(ControlFixture.control(api, .get, "/_sandbox/tokens/\(secret)").json == narrowed.json)

        #expect(ControlFixture.control(api, .delete, "/_sandbox/tokens/\(secret)").status == 200)
        #expect(ControlFixture.getInvoice(api, ControlFixture.docsInvoice, token: secret).status == 401)
        let list = ControlFixture.control(api, .get, "/_sandbox/tokens").json.objectValue?["tokens"]?.arrayValue
        #expect(list?.count == 5)
    }

    static let invalidTokens: [(JSONValue, String)] = [
        (["locationIds": []], "Invalid token: locationIds must name at least one location"),
        (
            ["locationIds": ["a"], "scopes": ["invoices.everything"]],
            "Invalid token: scopes[0] invoices.everything is not one of invoices.readonly, invoices.write, invoices/schedule.readonly, invoices/schedule.write"
        ),
        (["token": "has space", "locationIds": ["a"]], "Invalid token: token must not contain white space"),
        (
            ["locationIds": ["a"], "role": "admin"],
            "Invalid token: role is not a known field (token, locationIds, scopes)"
        ),
    ]

    @Test(arguments: invalidTokens)
    func anInvalidTokenIsA400(body: JSONValue, message: String) throws {
        let api = try ControlFixture.api()
        let response = ControlFixture.control(api, .post, "/_sandbox/tokens", body: body)
        #expect(response.json == ControlFixture.error(400, message))
    }

    @Test func aScopedTokenChangeOnlyTouchesThatLocationsOwnTokens() throws {
        let api = try ControlFixture.api()
        let scopeA = "?locationId=\(ControlFixture.locationA)"
        #expect(
            ControlFixture.control(api, .delete, "/_sandbox/tokens/pit-sandbox-all-locations\(scopeA)").status == 404)
        #expect(ControlFixture.control(api, .get, "/_sandbox/tokens/pit-sandbox-all-locations\(scopeA)").status == 200)
        let foreign = ControlFixture.control(
            api, .post, "/_sandbox/tokens\(scopeA)", body: ["locationIds": [.string(ControlFixture.locationB)]])
        #expect(
            foreign.json == ControlFixture.error(400, ControlMessages.outsideScope("token", ControlFixture.locationA)))
    }
}
