import InvoiceDomain
import SandboxJSON
import Testing

/// Whole-record operations behind the control API: snapshots, replacement, fixtures.
struct StoreRecordsTests {
    static func invoice(_ id: String, _ location: String, _ status: InvoiceStatus = .draft, name: String = "n")
        -> Invoice
    {
        Invoice(
            id: id, status: status, locationId: location, name: name, currency: "USD",
            items: [InvoiceItem(name: "a", qty: 1, amount: 10)], createdAt: "c", updatedAt: "u")
    }

    static func schedule(_ id: String, _ location: String) throws -> Schedule {
        try Schedule(
            record: ["_id": .string(id), "altId": .string(location), "name": "s", "status": "active"], now: "t")
    }

    static func store() throws -> InvoiceStore {
        try InvoiceStore(
            invoices: [invoice("b", "L1"), invoice("a", "L1"), invoice("c", "L2")],
            schedules: [try schedule("s1", "L1"), try schedule("s2", "L2")])
    }

    @Test func recordsAreSortedByIdAndFilteredByLocation() throws {
        let store = try Self.store()
        #expect(store.records().invoices.map(\.id) == ["a", "b", "c"])
        #expect(store.records(locationId: "L1").invoices.map(\.id) == ["a", "b"])
        #expect(store.records(locationId: "L2").schedules.map(\.id) == ["s2"])
        #expect(store.counts(locationId: "L1") == (2, 1))
    }

    @Test func replacingOneLocationKeepsTheOthers() throws {
        let store = try Self.store()
        let replacement = InvoiceStore.Records(invoices: [.init(Self.invoice("d", "L1"))], schedules: [])
        try store.replaceRecords(replacement, locationId: "L1")
        #expect(store.records().invoices.map(\.id) == ["c", "d"])
        #expect(store.records().schedules.map(\.id) == ["s2"])
    }

    @Test func replacingEverythingDropsWhatIsNotInTheReplacement() throws {
        let store = try Self.store()
        try store.replaceRecords(InvoiceStore.Records(invoices: [.init(Self.invoice("z", "L9"))]))
        #expect(store.records().invoices.map(\.id) == ["z"])
        #expect(store.records().schedules.isEmpty)
    }

    @Test func aClashingReplacementChangesNothing() throws {
        let store = try Self.store()
        let clash = InvoiceStore.Records(invoices: [.init(Self.invoice("c", "L1"))])
        #expect(throws: DomainError.duplicateId("c")) { try store.replaceRecords(clash, locationId: "L1") }
        #expect(store.records().invoices.map(\.id) == ["a", "b", "c"])
    }

    @Test func putStoresAnyStatusAndRefusesAnExistingIdUnlessReplacing() throws {
        let store = try Self.store()
        let (stored, replaced) = try store.putInvoice(Self.invoice("v", "L1", .void), allowReplacing: false)
        #expect(stored.status == .void && !replaced)
        #expect(throws: DomainError.duplicateId("a")) {
            try store.putInvoice(Self.invoice("a", "L1", .paid), allowReplacing: false)
        }
        #expect(try store.putInvoice(Self.invoice("a", "L1", .paid), allowReplacing: true).replaced)
        #expect(store.storedInvoice(id: "a")?.status == .paid)
        #expect(throws: DomainError.invoiceNotEditable(status: .paid)) {
            try store.updateInvoice(id: "a", locationId: "L1") { $0 }
        }
    }

    @Test func removeTakesAnyStatus() throws {
        let store = try Self.store()
        _ = try store.putInvoice(Self.invoice("p", "L1", .paid), allowReplacing: false)
        #expect(store.removeInvoice(id: "p")?.id == "p")
        #expect(store.removeInvoice(id: "p") == nil)
        #expect(store.removeSchedule(id: "s1")?.id == "s1")
        #expect(store.schedule(id: "s1") == nil)
        #expect(try store.putSchedule(try Self.schedule("s2", "L2"), allowReplacing: true))
    }

    @Test func anUpdateRacingAReplacementRetriesOnTheNewRecord() throws {
        let store = try Self.store()
        var replacedOnce = false
        let updated = try store.updateInvoice(id: "a", locationId: "L1") { invoice in
            if !replacedOnce {
                replacedOnce = true
                // Lands between the update's read and its swap: the update must start over on "replaced".
                _ = try? store.putInvoice(Self.invoice("a", "L1", name: "replaced"), allowReplacing: true)
            }
            var changed = invoice
            changed.name = invoice.name + "+updated"
            return changed
        }
        #expect(updated.invoice.name == "replaced+updated")
    }
}
