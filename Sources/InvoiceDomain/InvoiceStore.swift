import SandboxJSON
import Synchronization

/// The in-memory invoices and schedules, safe to use from every event-loop thread.
///
/// Reads share a read-write lock and never wait for one another. A write computes its new record and
/// response bytes outside the lock, then swaps it in under the exclusive lock only if the record has not
/// changed meanwhile (otherwise it starts over), so readers wait at most for a dictionary update.
public final class InvoiceStore: Sendable {
    /// An invoice as stored: its GET response bytes, encoded once per write, and the few fields the store
    /// reasons about. The bytes are the record: `invoice` reads it back when a write needs it, so a stored
    /// invoice costs about its JSON size in memory rather than a tree of values.
    public struct StoredInvoice: Sendable {
        /// The invoice id.
        public let id: String
        /// The location it belongs to.
        public let locationId: String
        /// Its status.
        public let status: InvoiceStatus
        /// `invoice.json(includeTotalSummary: true)` as JSON text.
        public let getResponseBody: [UInt8]
        /// The invoice's totals, computed once.
        public let totals: InvoiceTotals
        /// Where `,"totalSummary":…` starts in `getResponseBody` (it is the last member).
        private let summaryOffset: Int
        /// Distinguishes successive versions of one invoice.
        let generation: UInt64

        /// Encodes an invoice for storing.
        public init(_ invoice: Invoice) {
            self.init(invoice, generation: 0)
        }

        /// Encodes an invoice as a new version of its id, so that an update that read the old version retries.
        init(_ invoice: Invoice, generation: UInt64) {
            id = invoice.id
            locationId = invoice.locationId
            status = invoice.status
            let totals = invoice.totals
            self.totals = totals
            var body = JSONWriter.bytes(invoice.json(totals: totals, includeTotalSummary: false))
            summaryOffset = body.count - 1
            body.removeLast()
            body.append(contentsOf: #","totalSummary":"#.utf8)
            JSONWriter.write(
                [
                    "subTotal": .number(totals.subTotal), "discount": .number(totals.discount),
                    "tax": .number(totals.tax),
                ], into: &body)
            body.append(UInt8(ascii: "}"))
            // A copy of exactly the right size: the writer's buffer keeps spare capacity.
            self.getResponseBody = body.withUnsafeBufferPointer { Array($0) }
            self.generation = generation
        }

        /// The same record as a new version: an update that read the old version then retries.
        func renewed(generation: UInt64) -> StoredInvoice {
            StoredInvoice(copying: self, generation: generation)
        }

        private init(copying other: StoredInvoice, generation: UInt64) {
            id = other.id
            locationId = other.locationId
            status = other.status
            getResponseBody = other.getResponseBody
            totals = other.totals
            summaryOffset = other.summaryOffset
            self.generation = generation
        }

        /// The invoice, read back from its bytes (which the sandbox wrote, so they always read).
        public var invoice: Invoice {
            do {
                return try Invoice(record: try JSONParser.parse(getResponseBody), now: "")
            } catch {
                preconditionFailure("a stored invoice did not read back: \(error)")
            }
        }

        /// The invoice without `totalSummary` (the PUT and DELETE shapes) as JSON text.
        public var responseBodyWithoutSummary: [UInt8] {
            Array(getResponseBody[..<summaryOffset]) + [UInt8(ascii: "}")]
        }
    }

    struct Contents {
        var invoices: [String: StoredInvoice] = [:]
        var schedules: [String: Schedule] = [:]
    }

    let contents: ReadWriteLock<Contents>
    let generations = Atomic<UInt64>(0)

    /// Creates a store holding these records; ids must be unique within each kind.
    public convenience init(invoices: [Invoice] = [], schedules: [Schedule] = []) throws(DomainError) {
        try self.init(storedInvoices: invoices.map { StoredInvoice($0) }, schedules: schedules)
    }

    /// Creates a store from invoices already encoded (seed loading encodes them in parallel).
    public init(storedInvoices: [StoredInvoice], schedules: [Schedule] = []) throws(DomainError) {
        var contents = Contents()
        try Self.insert(storedInvoices, schedules, into: &contents)
        self.contents = ReadWriteLock(contents)
    }

    /// Adds records that must not clash with one another or with those already in `contents`.
    static func insert(
        _ invoices: [StoredInvoice], _ schedules: [Schedule], into contents: inout Contents
    ) throws(DomainError) {
        contents.invoices.reserveCapacity(contents.invoices.count + invoices.count)
        for stored in invoices {
            guard contents.invoices[stored.id] == nil else { throw .duplicateId(stored.id) }
            guard stored.totals.isFinite else { throw .totalsOutOfRange(id: stored.id) }
            contents.invoices[stored.id] = stored
        }
        for schedule in schedules {
            guard contents.schedules[schedule.id] == nil else { throw .duplicateId(schedule.id) }
            contents.schedules[schedule.id] = schedule
        }
    }

    /// The invoice with that id in that location; another location's invoice is not found either.
    public func invoice(id: String, locationId: String) throws(DomainError) -> StoredInvoice {
        let stored = contents.read { $0.invoices[id] }
        guard let stored, stored.locationId == locationId else { throw .invoiceNotFound(id: id) }
        return stored
    }

    /// The schedule with that id in that location.
    public func schedule(id: String, locationId: String) throws(DomainError) -> Schedule {
        let schedule = contents.read { $0.schedules[id] }
        guard let schedule, schedule.locationId == locationId else { throw .scheduleNotFound(id: id) }
        return schedule
    }

    /// Replaces an editable invoice through `change`; the result is stored and returned.
    ///
    /// `change` may run more than once when another write to the same invoice lands in between.
    public func updateInvoice(
        id: String, locationId: String, _ change: (Invoice) -> Invoice
    ) throws(DomainError) -> StoredInvoice {
        while true {
            let current = try invoice(id: id, locationId: locationId)
            guard Invoice.editableStatuses.contains(current.status) else {
                throw .invoiceNotEditable(status: current.status)
            }
            let updated = StoredInvoice(
                change(current.invoice), generation: nextGeneration())
            guard updated.totals.isFinite else { throw .totalsOutOfRange(id: id) }
            let swapped = contents.write { contents in
                guard contents.invoices[id]?.generation == current.generation else { return false }
                contents.invoices[id] = updated
                return true
            }
            if swapped { return updated }
        }
    }

    /// Removes a draft invoice and returns it; other statuses are refused.
    public func deleteInvoice(id: String, locationId: String) throws(DomainError) -> StoredInvoice {
        return try contents.write { (contents) throws(DomainError) -> StoredInvoice in
            guard let stored = contents.invoices[id], stored.locationId == locationId else {
                throw .invoiceNotFound(id: id)
            }
            guard stored.status == .draft else {
                throw .invoiceNotDraft(status: stored.status)
            }
            contents.invoices[id] = nil
            return stored
        }
    }

    /// Cancels a schedule, stamped `now`, and returns it; a cancelled one is refused.
    public func cancelSchedule(id: String, locationId: String, now: String) throws(DomainError) -> Schedule {
        return try contents.write { (contents) throws(DomainError) -> Schedule in
            guard var schedule = contents.schedules[id], schedule.locationId == locationId else {
                throw .scheduleNotFound(id: id)
            }
            guard schedule.status != Schedule.cancelledStatus else {
                throw .scheduleAlreadyCancelled(id: id)
            }
            schedule.status = Schedule.cancelledStatus
            schedule.updatedAt = now
            contents.schedules[id] = schedule
            return schedule
        }
    }

    /// How many invoices and schedules are stored.
    public var counts: (invoices: Int, schedules: Int) {
        contents.read { ($0.invoices.count, $0.schedules.count) }
    }
}
