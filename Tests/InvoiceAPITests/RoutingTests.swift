import Foundation
import InvoiceAPI
import SandboxHTTP
import SandboxJSON
import SandboxTesting
import Testing

struct RoutingTests {
    @Test(arguments: [
        ("GET", "/x"), ("GET", "/invoices/x/y"), ("POST", "/"), ("GET", "/invoices/x/y?altId=1"),
        ("PUT", "/nothing/here"),
    ])
    func anUnknownRouteIsNestsJSON404(_ method: String, _ target: String) throws {
        let request = HTTPRequest(method: HTTPMethod(rawValue: method)!, target: target, headers: Fixture.goodHeaders)
        let response = try Fixture.api().respond(to: request)
        #expect(response.status == 404)
        #expect(
            response.json == [
                "message": .string("Cannot \(method) \(target)"), "error": "Not Found", "statusCode": 404,
            ])
        #expect(response.body.starts(with: Array("{\"message\":".utf8)))
    }

    @Test func aKnownPathWithAMethodItDoesNotServeIsA404() throws {
        let request = HTTPRequest(method: .patch, target: "/invoices/abc", headers: Fixture.goodHeaders)
        let response = try Fixture.api().respond(to: request)
        #expect(response.status == 404)
        #expect(response.json.objectValue?["message"] == "Cannot PATCH /invoices/abc")
    }

    @Test func aDocumentedOperationNotYetEmulatedIsAJSON501() throws {
        let request = HTTPRequest(method: .post, target: "/invoices/abc/void", headers: Fixture.goodHeaders)
        let response = try Fixture.api().respond(to: request)
        #expect(response.status == 501)
        #expect(
            response.json == [
                "statusCode": 501,
                "message": .string(Messages.notEmulated("POST", "/invoices/{invoiceId}/void")),
                "error": "Not Implemented",
            ])
    }

    @Test func aNotEmulatedOperationStillChecksTheToken() throws {
        let request = HTTPRequest(method: .get, target: "/invoices/settings", headers: [:])
        #expect(try Fixture.api().respond(to: request).status == 401)
    }

    @Test func literalRoutesWinOverTheInvoiceIdParameter() throws {
        let request = HTTPRequest(
            method: .get, target: "/invoices/generate-invoice-number", headers: Fixture.goodHeaders)
        #expect(try Fixture.api().respond(to: request).status == 501)
    }

    @Test func theRouteTableCoversEveryOperationOfTheOfficialSpec() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: RepositoryPaths.sharedSpec + "/invoices.openapi.json"))
        let spec = try JSONParser.parse([UInt8](data))
        var documented: Set<String> = []
        for member in spec.objectValue?["paths"]?.objectValue ?? JSONObject() {
            for operation in member.value.objectValue?.keys ?? [] {
                documented.insert("\(operation.uppercased()) \(member.key)")
            }
        }
        // SOURCE.md speaks of 44 operations; the document itself holds 42 (30 paths).
        #expect(documented.count == 42)
        let routed = Set(try Fixture.api().routes.map { "\($0.method.rawValue) \($0.pattern)" })
        #expect(routed == documented)
    }

    @Test func anUnreadableRequestIsAJSON400() throws {
        let response = try Fixture.api().respond(toUnreadable: .malformed)
        #expect(response.status == 400)
        #expect(
            response.json == ["statusCode": 400, "message": .string(Messages.malformedRequest), "error": "Bad Request"])
    }

    @Test func anOversizedBodyIsAJSON413() throws {
        let response = try Fixture.api().respond(toUnreadable: .bodyTooLarge(limit: 10))
        #expect(response.status == 413)
        #expect(
            response.json == [
                "statusCode": 413, "message": .string(Messages.payloadTooLarge), "error": "Payload Too Large",
            ])
    }
}
