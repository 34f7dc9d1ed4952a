import InvoiceDomain
import SandboxHTTP

/// The emulated invoice routes.
enum InvoiceRoutes {
    /// GET /invoices/{invoiceId}?altId=…&altType=location → GetInvoiceResponseDto.
    static func getInvoice(store: InvoiceStore) -> Route {
        Route(.get, "/invoices/{invoiceId}", scope: .invoicesReadonly) { (context) throws(APIError) in
            let location = try LocationQuery.validate(query: context.request.query)
            try context.token.authorize(locationId: location.altId)
            let invoiceId = context.parameters["invoiceId"] ?? ""
            do throws(DomainError) {
                let stored = try store.invoice(id: invoiceId, locationId: location.altId)
                return Responses.json(bytes: stored.getResponseBody)
            } catch {
                throw APIError(error)
            }
        }
    }
}

extension Route {
    /// Creates an emulated route.
    init(
        _ method: HTTPMethod, _ pattern: String, scope: Scope?,
        handler: @escaping @Sendable (RouteContext) throws(APIError) -> HTTPResponse
    ) {
        self.init(method, pattern, scope: scope, action: .handler(handler))
    }
}
