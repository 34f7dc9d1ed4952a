import Foundation
import InvoiceDomain
import SandboxJSON
import Testing

struct InvoiceStoreTests {
    static func invoice(_ id: String, location: String) -> Invoice {
        Invoice(
            id: id, status: .draft, locationId: location, name: "n", currency: "USD",
            items: [InvoiceItem(name: "a", qty: 2, amount: 5)], createdAt: "t", updatedAt: "t")
    }

    @Test func anInvoiceIsFoundInItsOwnLocation() throws {
        let store = try InvoiceStore(invoices: [Self.invoice("a", location: "L1")])
        #expect(try store.invoice(id: "a", locationId: "L1").invoice.id == "a")
    }

    @Test func anotherLocationsInvoiceIsNotFound() throws {
        let store = try InvoiceStore(invoices: [Self.invoice("a", location: "L1")])
        #expect(throws: DomainError.invoiceNotFound(id: "a")) { try store.invoice(id: "a", locationId: "L2") }
        #expect(throws: DomainError.invoiceNotFound(id: "b")) { try store.invoice(id: "b", locationId: "L1") }
    }

    @Test func theStoredBodyIsExactlyAFreshEncodingOfTheInvoice() throws {
        let invoice = Self.invoice("a", location: "L1")
        let store = try InvoiceStore(invoices: [invoice])
        let stored = try store.invoice(id: "a", locationId: "L1")
        #expect(stored.getResponseBody == JSONWriter.bytes(invoice.json(includeTotalSummary: true)))
    }

    @Test func theBodyWithoutSummaryIsExactlyAFreshEncodingOfThatShape() throws {
        var invoice = Self.invoice("a", location: "L1")
        invoice.discount = Discount(kind: .fixed, value: 1)
        let store = try InvoiceStore(invoices: [invoice])
        let stored = try store.invoice(id: "a", locationId: "L1")
        #expect(stored.responseBodyWithoutSummary == JSONWriter.bytes(invoice.json(includeTotalSummary: false)))
    }

    @Test func duplicateIdsAreRefused() {
        #expect(throws: DomainError.duplicateId("a")) {
            try InvoiceStore(invoices: [Self.invoice("a", location: "L1"), Self.invoice("a", location: "L2")])
        }
    }
}

struct TimestampTests {
    @Test func timestampsAreISO8601WithMillisecondsInUTC() {
        let date = Date(timeIntervalSince1970: 1_702_373_262.355)
        #expect(Timestamp.format(date) == "2023-12-12T09:27:42.355Z")
    }
}
