import SandboxJSON
import Synchronization

/// The in-memory invoices and schedules, safe to use from every event-loop thread.
public final class InvoiceStore: Sendable {
    /// An invoice with its GET response body, encoded once when stored so reads only copy bytes.
    public struct StoredInvoice: Sendable {
        /// The invoice.
        public let invoice: Invoice
        /// `invoice.json(includeTotalSummary: true)` as JSON text.
        public let getResponseBody: [UInt8]

        init(_ invoice: Invoice) {
            self.invoice = invoice
            self.getResponseBody = JSONWriter.bytes(invoice.json(includeTotalSummary: true))
        }
    }

    private struct Contents {
        var invoices: [String: StoredInvoice] = [:]
        var schedules: [String: Schedule] = [:]
    }

    private let contents: Mutex<Contents>

    /// Creates a store holding these records; ids must be unique within each kind.
    public init(invoices: [Invoice] = [], schedules: [Schedule] = []) throws(DomainError) {
        var contents = Contents()
        for invoice in invoices {
            guard contents.invoices[invoice.id] == nil else { throw .duplicateId(invoice.id) }
            contents.invoices[invoice.id] = StoredInvoice(invoice)
        }
        for schedule in schedules {
            guard contents.schedules[schedule.id] == nil else { throw .duplicateId(schedule.id) }
            contents.schedules[schedule.id] = schedule
        }
        self.contents = Mutex(contents)
    }

    /// The invoice with that id in that location; another location's invoice is not found either.
    public func invoice(id: String, locationId: String) throws(DomainError) -> StoredInvoice {
        let stored = contents.withLock { $0.invoices[id] }
        guard let stored, stored.invoice.locationId == locationId else { throw .invoiceNotFound(id: id) }
        return stored
    }

    /// The schedule with that id in that location.
    public func schedule(id: String, locationId: String) throws(DomainError) -> Schedule {
        let schedule = contents.withLock { $0.schedules[id] }
        guard let schedule, schedule.locationId == locationId else { throw .scheduleNotFound(id: id) }
        return schedule
    }

    /// Replaces an editable invoice through `change`, atomically; the result is stored and returned.
    public func updateInvoice(
        id: String, locationId: String, _ change: (Invoice) -> Invoice
    ) throws(DomainError) -> StoredInvoice {
        try contents.withLock { (contents: inout Contents) throws(DomainError) -> StoredInvoice in
            guard let stored = contents.invoices[id], stored.invoice.locationId == locationId else {
                throw .invoiceNotFound(id: id)
            }
            guard stored.invoice.isEditable else { throw .invoiceNotEditable(status: stored.invoice.status) }
            let updated = StoredInvoice(change(stored.invoice))
            contents.invoices[id] = updated
            return updated
        }
    }

    /// Removes a draft invoice and returns it; other statuses are refused.
    public func deleteInvoice(id: String, locationId: String) throws(DomainError) -> Invoice {
        try contents.withLock { (contents: inout Contents) throws(DomainError) -> Invoice in
            guard let stored = contents.invoices[id], stored.invoice.locationId == locationId else {
                throw .invoiceNotFound(id: id)
            }
            guard stored.invoice.status == .draft else { throw .invoiceNotDraft(status: stored.invoice.status) }
            contents.invoices[id] = nil
            return stored.invoice
        }
    }

    /// Cancels a schedule, stamped `now`, and returns it; a cancelled one is refused.
    public func cancelSchedule(id: String, locationId: String, now: String) throws(DomainError) -> Schedule {
        try contents.withLock { (contents: inout Contents) throws(DomainError) -> Schedule in
            guard var schedule = contents.schedules[id], schedule.locationId == locationId else {
                throw .scheduleNotFound(id: id)
            }
            guard schedule.status != Schedule.cancelledStatus else { throw .scheduleAlreadyCancelled(id: id) }
            schedule.status = Schedule.cancelledStatus
            schedule.updatedAt = now
            contents.schedules[id] = schedule
            return schedule
        }
    }

    /// How many invoices and schedules are stored.
    public var counts: (invoices: Int, schedules: Int) {
        contents.withLock { ($0.invoices.count, $0.schedules.count) }
    }
}
