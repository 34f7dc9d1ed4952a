import InvoiceAPI
import InvoiceDomain
import SandboxHTTP
import SandboxJSON
import SandboxTesting
import Testing

/// The write routes against the shipped seed data, straight through the API (no socket).
struct WriteRoutesTests {
    static let locationA = "6578278e879ad2646715ba9c"
    static let locationB = "65b7c1d2e3f4a5b6c7d8e9f0"
    static let draft = "6af34c8c91664e4e3ed780ca"
    static let sent = "6ae8ac8a2f85e01b48e33da1"
    static let docsSchedule = "6578278e879ad2646715ba9c"

    static func api() throws -> SandboxAPI {
        let seed = try SeedData.load(directory: RepositoryPaths.seedData)
        return SandboxAPI(
            store: try InvoiceStore(storedInvoices: seed.invoices, schedules: seed.schedules), tokens: seed.tokens)
    }

    static func headers(_ token: String = "pit-sandbox-location-a") -> HTTPHeaders {
        ["Authorization": "Bearer \(token)", "Version": "2021-07-28", "Content-Type": "application/json"]
    }

    static func updateBody(name: String = "Renamed", location: String = locationA) -> JSONObject {
        [
            "altId": .string(location), "altType": "location", "name": .string(name), "currency": "CAD",
            "issueDate": "2024-01-01", "dueDate": "2024-01-15",
            "invoiceItems": [
                [
                    "name": "Consulting day", "currency": "CAD", "amount": 15500, "qty": 24,
                    "taxes": [["_id": "65a0c0ffee0000000000000a", "name": "HST", "rate": 13]],
                ]
            ],
            "discount": ["type": "percentage", "value": 5],
        ]
    }

    static func request(
        _ method: HTTPMethod, _ target: String, body: JSONObject? = nil, token: String = "pit-sandbox-location-a"
    ) -> HTTPRequest {
        HTTPRequest(
            method: method, target: target, headers: headers(token),
            body: body.map { JSONWriter.bytes(.object($0)) } ?? [])
    }

    static func get(_ api: SandboxAPI, _ id: String) -> HTTPResponse {
        api.respond(to: request(.get, "/invoices/\(id)?altId=\(locationA)&altType=location"))
    }

    // MARK: PUT

    @Test func aValidUpdateReplacesTheFieldsAndRecomputesTheTotals() throws {
        let api = try Self.api()
        let before = try #require(Self.get(api, Self.draft).json.objectValue)
        let response = api.respond(to: Self.request(.put, "/invoices/\(Self.draft)", body: Self.updateBody()))
        #expect(response.status == 200)
        let body = try #require(response.json.objectValue)
        #expect(body["name"] == "Renamed")
        #expect(body["currency"] == "CAD")
        #expect(body["total"] == 399342)
        #expect(body["amountDue"] == 399342)
        #expect(body["totalSummary"] == nil)
        #expect(body["updatedAt"] != before["updatedAt"])
        #expect(body["createdAt"] == before["createdAt"])
        #expect(body["_id"] == .string(Self.draft))
        #expect(body["status"] == "draft")
        let itemId = body["invoiceItems"]?[0]?["_id"]?.stringValue ?? ""
        #expect(ObjectID.isValid(itemId))

        let after = try #require(Self.get(api, Self.draft).json.objectValue)
        #expect(after["totalSummary"] == ["subTotal": 372000, "discount": 18600, "tax": 45942])
        var withoutSummary = after
        withoutSummary["totalSummary"] = nil
        #expect(withoutSummary == body)
    }

    @Test func anUpdateIsAFullReplacementOfTheEditableFields() throws {
        let api = try Self.api()
        let before = try #require(Self.get(api, Self.draft).json.objectValue)
        #expect(before["termsNotes"] != nil)
        let response = api.respond(to: Self.request(.put, "/invoices/\(Self.draft)", body: Self.updateBody()))
        let body = try #require(response.json.objectValue)
        #expect(body["termsNotes"] == nil)
        #expect(body["title"] == "INVOICE")
        #expect(body["businessDetails"] == before["businessDetails"])
        #expect(body["contactDetails"] == before["contactDetails"])
        #expect(body["invoiceNumber"] == before["invoiceNumber"])
        #expect(body["issueDate"] == "2024-01-01")
    }

    @Test func totalsSentByTheClientAreNotTrusted() throws {
        var update = Self.updateBody()
        update["total"] = 1
        let response = try Self.api().respond(to: Self.request(.put, "/invoices/\(Self.draft)", body: update))
        #expect(response.status == 422)
        #expect(response.json.objectValue?["message"] == ["property total should not exist"])
    }

    @Test func aSentInvoiceMayBeUpdated() throws {
        let response = try Self.api().respond(to: Self.request(.put, "/invoices/\(Self.sent)", body: Self.updateBody()))
        #expect(response.status == 200)
        #expect(response.json.objectValue?["status"] == "sent")
    }

    @Test(arguments: [
        ("6ae6ff925a5b41ca861d2761", "paid"), ("6a85b82d91bec81a316a233b", "partially_paid"),
        ("6a72039fd3cb464eb3e6fe98", "void"), ("6acce543d089935983d07dad", "payment_processing"),
    ])
    func invoicesPastSentMayNotBeUpdated(_ id: String, _ status: String) throws {
        let api = try Self.api()
        let before = Self.get(api, id).body
        let response = api.respond(to: Self.request(.put, "/invoices/\(id)", body: Self.updateBody()))
        #expect(response.status == 400)
        #expect(response.json == ["statusCode": 400, "message": .string(Messages.invoiceNotEditable(status))])
        #expect(Self.get(api, id).body == before)
    }

    @Test func updatingAnUnknownInvoiceIsA400() throws {
        let response = try Self.api().respond(
            to: Self.request(.put, "/invoices/000000000000000000000000", body: Self.updateBody()))
        #expect(response.json == ["statusCode": 400, "message": .string(Messages.invoiceNotFound)])
    }

    @Test func updatingInALocationTheTokenCannotUseIsA403() throws {
        let response = try Self.api().respond(
            to: Self.request(
                .put, "/invoices/6afddbe60847bdc26cccd16e", body: Self.updateBody(location: Self.locationB)))
        #expect(response.status == 403)
    }

    @Test func aReadOnlyTokenCannotUpdate() throws {
        let response = try Self.api().respond(
            to: Self.request(.put, "/invoices/\(Self.draft)", body: Self.updateBody(), token: "pit-sandbox-readonly"))
        #expect(response.json == ["statusCode": 401, "message": .string(Messages.scopeNotAuthorized)])
    }

    @Test func anInvalidUpdateIsA422AndChangesNothing() throws {
        let api = try Self.api()
        let before = Self.get(api, Self.draft).body
        var update = Self.updateBody()
        update["name"] = 5
        update["issueDate"] = "01/01/2024"
        let response = api.respond(to: Self.request(.put, "/invoices/\(Self.draft)", body: update))
        #expect(response.status == 422)
        #expect(
            response.json.objectValue?["message"] == [
                "name must be a string", "issueDate must be in YYYY-MM-DD format",
            ])
        #expect(Self.get(api, Self.draft).body == before)
    }

    @Test func anEmptyBodyNamesEveryRequiredField() throws {
        let response = try Self.api().respond(to: Self.request(.put, "/invoices/\(Self.draft)"))
        #expect(response.status == 422)
        let messages = response.json.objectValue?["message"]?.arrayValue ?? []
        for field in ["altId", "altType", "name", "currency", "invoiceItems", "issueDate", "dueDate"] {
            #expect(messages.contains { $0.stringValue?.hasPrefix(field + " ") == true }, "\(field)")
        }
    }

    @Test func aBodyThatIsNotJSONIsReadAsEmptyLikeNestsParser() throws {
        var request = Self.request(.put, "/invoices/\(Self.draft)", body: Self.updateBody())
        request.headers.replace(name: "Content-Type", value: "text/plain")
        #expect(try Self.api().respond(to: request).status == 422)
    }

    @Test(arguments: [
        (Array("{\"name\": }".utf8), "Unexpected token '}' in JSON at position 9"),
        (Array("[1, 2]".utf8), Messages.bodyNotObject),
        (Array("\"text\"".utf8), Messages.bodyNotObject),
        ([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D], Messages.bodyNotUTF8),
    ])
    func aBodyThatIsNotAJSONObjectIsA400(_ bytes: [UInt8], _ message: String) throws {
        let request = HTTPRequest(
            method: .put, target: "/invoices/\(Self.draft)", headers: Self.headers(), body: bytes)
        let response = try Self.api().respond(to: request)
        #expect(response.json == ["statusCode": 400, "message": .string(message), "error": "Bad Request"])
    }

    @Test func aMalformedBodyIsRefusedBeforeTheToken() throws {
        let request = HTTPRequest(
            method: .put, target: "/invoices/\(Self.draft)", headers: ["Content-Type": "application/json"],
            body: Array("{".utf8))
        #expect(try Self.api().respond(to: request).status == 400)
    }

    static func updateBody(item: JSONObject) -> JSONObject {
        var body = updateBody()
        body["invoiceItems"] = [.object(item)]
        return body
    }

    @Test func vanishinglySmallAmountsTotalZeroInsteadOfFailing() throws {
        let body = Self.updateBody(item: ["name": "a", "currency": "USD", "qty": 1e-70, "amount": 1e-70])
        let response = try Self.api().respond(to: Self.request(.put, "/invoices/\(Self.draft)", body: body))
        #expect(response.status == 200)
        #expect(response.json.objectValue?["total"] == 0)
    }

    @Test func hugeButRepresentableAmountsStayNumbers() throws {
        let body = Self.updateBody(item: ["name": "a", "currency": "USD", "qty": 1e200, "amount": 1])
        let response = try Self.api().respond(to: Self.request(.put, "/invoices/\(Self.draft)", body: body))
        #expect(response.status == 200)
        #expect(response.json.objectValue?["total"]?.numberValue?.isFinite == true)
    }

    @Test func totalsNoNumberCanCarryAreRefusedAndChangeNothing() throws {
        let api = try Self.api()
        let before = Self.get(api, Self.draft).body
        let body = Self.updateBody(item: ["name": "a", "currency": "USD", "qty": 1e200, "amount": 1e200])
        let response = api.respond(to: Self.request(.put, "/invoices/\(Self.draft)", body: body))
        #expect(response.json == ["statusCode": 400, "message": .string(Messages.totalsOutOfRange)])
        #expect(Self.get(api, Self.draft).body == before)
    }

    @Test func nullOptionalFieldsInsideItemsAreNotStored() throws {
        let api = try Self.api()
        let body = Self.updateBody(item: [
            "name": "a", "currency": "USD", "qty": 1, "amount": 5, "priceId": nil, "description": nil,
            "isSetupFeeItem": nil, "taxes": [["_id": "t1", "name": "VAT", "rate": 10, "taxId": nil]],
        ])
        #expect(api.respond(to: Self.request(.put, "/invoices/\(Self.draft)", body: body)).status == 200)
        let item = try #require(Self.get(api, Self.draft).json.objectValue?["invoiceItems"]?[0]?.objectValue)
        #expect(item["priceId"] == nil && item["description"] == nil && item["isSetupFeeItem"] == nil)
        #expect(item["taxes"]?[0]?.objectValue?["taxId"] == nil)
    }

    @Test func anEncodedSlashStaysInsideTheIdSegment() throws {
        let response = Self.get(try Self.api(), "x%2Fy")
        #expect(response.json == ["statusCode": 400, "message": .string(Messages.invoiceNotFound)])
    }

    // MARK: DELETE

    @Test func deletingADraftReturnsItAndEveryRouteThenAnswers400() throws {
        let api = try Self.api()
        let target = "/invoices/\(Self.draft)?altId=\(Self.locationA)&altType=location"
        let response = api.respond(to: Self.request(.delete, target))
        #expect(response.status == 200)
        #expect(response.json.objectValue?["_id"] == .string(Self.draft))
        #expect(response.json.objectValue?["totalSummary"] == nil)
        let notFound: JSONValue = ["statusCode": 400, "message": .string(Messages.invoiceNotFound)]
        #expect(Self.get(api, Self.draft).json == notFound)
        #expect(api.respond(to: Self.request(.delete, target)).json == notFound)
        #expect(
            api.respond(to: Self.request(.put, "/invoices/\(Self.draft)", body: Self.updateBody())).json == notFound)
    }

    @Test func deletingANonDraftIsRefused() throws {
        let api = try Self.api()
        let response = api.respond(
            to: Self.request(.delete, "/invoices/\(Self.sent)?altId=\(Self.locationA)&altType=location"))
        #expect(response.json == ["statusCode": 400, "message": .string(Messages.invoiceNotDraft)])
        #expect(Self.get(api, Self.sent).status == 200)
    }

    @Test func deleteFallsBackToTheBodyWhenTheQueryHasNoLocation() throws {
        let response = try Self.api().respond(
            to: Self.request(
                .delete, "/invoices/\(Self.draft)", body: ["altId": .string(Self.locationA), "altType": "location"]))
        #expect(response.status == 200)
    }

    @Test func deleteWithoutALocationAnywhereIsA422() throws {
        let response = try Self.api().respond(to: Self.request(.delete, "/invoices/\(Self.draft)"))
        #expect(response.status == 422)
        #expect(
            response.json.objectValue?["message"] == [
                "altId must be a string", "altId should not be empty", "altType must be a valid enum value",
                "altType should not be empty",
            ])
    }

    // MARK: cancel

    @Test func cancellingAScheduleReturnsItCancelledWithItsInvoices() throws {
        let api = try Self.api()
        let response = api.respond(
            to: Self.request(
                .post, "/invoices/schedule/\(Self.docsSchedule)/cancel",
                body: ["altId": .string(Self.locationA), "altType": "location"]))
        #expect(response.status == 200)
        let body = try #require(response.json.objectValue)
        #expect(body["status"] == "cancelled")
        #expect(body["_id"] == .string(Self.docsSchedule))
        #expect(body["invoices"]?.arrayValue?.isEmpty == false)
        #expect(body["total"] == 999)

        let again = api.respond(
            to: Self.request(
                .post, "/invoices/schedule/\(Self.docsSchedule)/cancel",
                body: ["altId": .string(Self.locationA), "altType": "location"]))
        #expect(again.json == ["statusCode": 400, "message": .string(Messages.scheduleAlreadyCancelled)])
    }

    @Test func cancellingWithAnEmptyBodyNamesBothFields() throws {
        let response = try Self.api().respond(to: Self.request(.post, "/invoices/schedule/\(Self.docsSchedule)/cancel"))
        #expect(
            response.json == [
                "statusCode": 422,
                "message": [
                    "altId must be a string", "altId should not be empty", "altType must be a valid enum value",
                    "altType should not be empty",
                ],
                "error": "Unprocessable Entity",
            ])
    }

    @Test func cancellingAnUnknownOrOtherLocationsScheduleIsA400() throws {
        let api = try Self.api()
        let location: JSONObject = ["altId": .string(Self.locationA), "altType": "location"]
        let notFound: JSONValue = ["statusCode": 400, "message": .string(Messages.scheduleNotFound)]
        #expect(
            api.respond(to: Self.request(.post, "/invoices/schedule/000000000000000000000000/cancel", body: location))
                .json == notFound)
        #expect(
            api.respond(
                to: Self.request(
                    .post, "/invoices/schedule/6ae273b1ba526ccb7284e428/cancel", body: location,
                    token: "pit-sandbox-all-locations")
            ).json == notFound)
    }

    @Test func cancellingNeedsTheScheduleWriteScope() throws {
        let response = try Self.api().respond(
            to: Self.request(
                .post, "/invoices/schedule/\(Self.docsSchedule)/cancel",
                body: ["altId": .string(Self.locationA), "altType": "location"], token: "pit-sandbox-invoices-only"))
        #expect(response.json == ["statusCode": 401, "message": .string(Messages.scopeNotAuthorized)])
    }

    @Test func cancellingInALocationTheTokenCannotUseIsA403() throws {
        let response = try Self.api().respond(
            to: Self.request(
                .post, "/invoices/schedule/6ae273b1ba526ccb7284e428/cancel",
                body: ["altId": .string(Self.locationB), "altType": "location"]))
        #expect(response.status == 403)
    }
}
