import InvoiceAPI
import SandboxHTTP
import SandboxJSON
import Testing

struct GetInvoiceTests {
    @Test func anInvoiceIsReturnedWithItsTotalSummary() throws {
        let response = try Fixture.api().respond(to: Fixture.get(Fixture.invoiceTarget()))
        #expect(response.status == 200)
        let body = try #require(response.json.objectValue)
        #expect(body["_id"] == .string(Fixture.invoiceA))
        #expect(body["altId"] == .string(Fixture.locationA))
        #expect(body["total"] == 999)
        #expect(body["amountDue"] == 999)
        #expect(body["totalSummary"] == ["subTotal": 999, "discount": 0, "tax": 0])
    }

    @Test func anUnknownIdIsA400() throws {
        let response = try Fixture.api().respond(to: Fixture.get(Fixture.invoiceTarget("6578278e879ad2646715ffff")))
        #expect(response.status == 400)
        #expect(response.json == ["statusCode": 400, "message": .string(Messages.invoiceNotFound)])
    }

    @Test func anotherLocationsInvoiceIsA400LikeAnUnknownOne() throws {
        let response = try Fixture.api().respond(to: Fixture.get(Fixture.invoiceTarget(Fixture.invoiceB)))
        #expect(response.json == ["statusCode": 400, "message": .string(Messages.invoiceNotFound)])
    }

    @Test func aMalformedIdIsA400LikeAnUnknownOne() throws {
        let response = try Fixture.api().respond(to: Fixture.get(Fixture.invoiceTarget("not-an-object-id")))
        #expect(response.json == ["statusCode": 400, "message": .string(Messages.invoiceNotFound)])
    }

    @Test func aJSONContentTypeWithAnEmptyBodyIsAccepted() throws {
        var headers = Fixture.goodHeaders
        headers.add(name: "Content-Type", value: "application/json")
        let request = HTTPRequest(method: .get, target: Fixture.invoiceTarget(), headers: headers, body: [])
        #expect(try Fixture.api().respond(to: request).status == 200)
    }

    @Test func aTrailingSlashAndUppercaseLiteralsRouteLikeExpress() throws {
        let api = try Fixture.api()
        let target = "/INVOICES/\(Fixture.invoiceA)/?altId=\(Fixture.locationA)&altType=location"
        #expect(api.respond(to: Fixture.get(target)).status == 200)
    }

    @Test func headIsServedByTheGetRoute() throws {
        let request = HTTPRequest(method: .head, target: Fixture.invoiceTarget(), headers: Fixture.goodHeaders)
        #expect(try Fixture.api().respond(to: request).status == 200)
    }

    @Test func percentEncodedQueryValuesAreDecoded() throws {
        let query = "altId=\(Fixture.locationA)&alt%54ype=locat%69on"
        #expect(try Fixture.api().respond(to: Fixture.get(Fixture.invoiceTarget(query: query))).status == 200)
    }
}
