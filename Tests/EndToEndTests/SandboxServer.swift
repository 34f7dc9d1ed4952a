import InvoiceAPI
import InvoiceDomain
import SandboxTesting

/// A sandbox over the shipped seed data on a real socket, port 0.
enum SandboxServer {
    static let location = "6578278e879ad2646715ba9c"
    static let otherLocation = "65b7c1d2e3f4a5b6c7d8e9f0"
    static let docsInvoice = "6578278e879ad2646715ba9c"
    static let token = "pit-sandbox-location-a"

    static func start(maxBodyBytes: Int = 1 << 20) throws -> RunningServer {
        let seed = try SeedData.load(directory: RepositoryPaths.seedData)
        let store = try InvoiceStore(storedInvoices: seed.invoices, schedules: seed.schedules)
        return try RunningServer(responder: SandboxAPI(store: store, tokens: seed.tokens), maxBodyBytes: maxBodyBytes)
    }

    static func headers(token: String = token) -> [(String, String)] {
        [("Authorization", "Bearer \(token)"), ("Version", "2021-07-28")]
    }

    static func invoicePath(_ id: String = docsInvoice, location: String = location) -> String {
        "/invoices/\(id)?altId=\(location)&altType=location"
    }
}
