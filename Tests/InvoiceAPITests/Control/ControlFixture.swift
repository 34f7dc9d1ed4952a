import InvoiceAPI
import InvoiceDomain
import SandboxHTTP
import SandboxJSON
import SandboxTesting

/// The API over the shipped seed data, with helpers for control and HighLevel requests (no socket).
enum ControlFixture {
    static let locationA = "6578278e879ad2646715ba9c"
    static let locationB = "65b7c1d2e3f4a5b6c7d8e9f0"
    static let docsInvoice = "6578278e879ad2646715ba9c"
    static let draftA = "6af34c8c91664e4e3ed780ca"
    static let docsSchedule = "6578278e879ad2646715ba9c"
    static let tokenA = "pit-sandbox-location-a"

    static func api(access: ControlAccess = .open, journalCapacity: Int = 10_000) throws -> SandboxAPI {
        let seed = try SeedData.load(directory: RepositoryPaths.seedData)
        return SandboxAPI(
            store: try InvoiceStore(storedInvoices: seed.invoices, schedules: seed.schedules), tokens: seed.tokens,
            baseline: seed, controlAccess: access, journalCapacity: journalCapacity)
    }

    /// A control request; a body is sent as JSON text.
    static func control(
        _ api: SandboxAPI, _ method: HTTPMethod, _ target: String, body: JSONValue? = nil,
        headers: HTTPHeaders = [:]
    ) -> HTTPResponse {
        api.respond(
            to: HTTPRequest(method: method, target: target, headers: headers, body: body.map(JSONWriter.bytes) ?? []))
    }

    /// A HighLevel GET of an invoice in location A.
    static func getInvoice(_ api: SandboxAPI, _ id: String, token: String = tokenA, location: String = locationA)
        -> HTTPResponse
    {
        api.respond(
            to: HTTPRequest(
                method: .get, target: "/invoices/\(id)?altId=\(location)&altType=location",
                headers: ["Authorization": "Bearer \(token)", "Version": "2021-07-28"]))
    }

    /// A minimal invoice record in the seed shape.
    static func invoiceRecord(
        id: String? = nil, location: String = locationA, status: String = "draft", name: String = "Fixture"
    ) -> JSONValue {
        var object: JSONObject = [
            "altId": .string(location), "name": .string(name), "status": .string(status),
            "invoiceItems": [["name": "Widget", "qty": 2, "amount": 50]],
        ]
        if let id { object["_id"] = .string(id) }
        return .object(object)
    }

    /// A minimal schedule record in the seed shape.
    static func scheduleRecord(id: String? = nil, location: String = locationA) -> JSONValue {
        var object: JSONObject = [
            "altId": .string(location), "name": "Monthly", "status": "active",
            "items": [["name": "Retainer", "qty": 1, "amount": 1000]],
        ]
        if let id { object["_id"] = .string(id) }
        return .object(object)
    }

    /// The control API's error body.
    static func error(_ status: Int, _ message: String) -> JSONValue {
        [
            "statusCode": .number(Double(status)), "message": .string(message),
            "error": .string(Messages.errorName(for: status) ?? ""),
        ]
    }
}
