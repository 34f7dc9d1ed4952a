import InvoiceAPI
import InvoiceDomain
import SandboxHTTP
import SandboxJSON

/// A small API with two locations, three tokens and two invoices.
enum Fixture {
    static let locationA = "6578278e879ad2646715ba9c"
    static let locationB = "65b7c1d2e3f4a5b6c7d8e9f0"
    static let invoiceA = "6578278e879ad2646715ba9c"
    static let invoiceB = "65b7c1d2e3f4a5b6c7d8e9f1"

    static let tokens = [
        AccessToken(token: "all", locationIds: [locationA]),
        AccessToken(token: "readonly", locationIds: [locationA], scopes: [.invoicesReadonly]),
        AccessToken(token: "schedules", locationIds: [locationA], scopes: [.scheduleWrite]),
    ]

    static func invoice(_ id: String, location: String) -> Invoice {
        Invoice(
            id: id, status: .draft, locationId: location, name: "New Invoice", currency: "USD",
            items: [InvoiceItem(name: "Macbook Pro", qty: 1, amount: 999)],
            discount: Discount(kind: .percentage, value: 0), createdAt: "2023-12-12T09:27:42.355Z",
            updatedAt: "2023-12-12T09:27:42.355Z")
    }

    static func api(acceptedVersions: Set<String> = ["2021-07-28"]) throws -> SandboxAPI {
        let store = try InvoiceStore(invoices: [
            invoice(invoiceA, location: locationA), invoice(invoiceB, location: locationB),
        ])
        return SandboxAPI(
            store: store, tokens: tokens, configuration: APIConfiguration(acceptedVersions: acceptedVersions))
    }

    static let goodHeaders: HTTPHeaders = ["Authorization": "Bearer all", "Version": "2021-07-28"]

    static func get(_ target: String, headers: HTTPHeaders = goodHeaders) -> HTTPRequest {
        HTTPRequest(method: .get, target: target, headers: headers)
    }

    static func invoiceTarget(_ id: String = invoiceA, query: String = "altId=\(locationA)&altType=location") -> String
    {
        "/invoices/\(id)?\(query)"
    }
}

extension HTTPResponse {
    /// The body parsed as JSON (null when it is not JSON).
    var json: JSONValue {
        (try? JSONParser.parse(body)) ?? .null
    }
}
