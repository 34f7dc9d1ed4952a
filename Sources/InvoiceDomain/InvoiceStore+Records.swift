/// Whole-record access for the sandbox's control API: fixtures, snapshots and resets.
extension InvoiceStore {
    /// Invoices and schedules, as a snapshot or a replacement.
    public struct Records: Sendable {
        /// The invoices, encoded.
        public var invoices: [StoredInvoice]
        /// The schedules.
        public var schedules: [Schedule]

        /// Creates a set of records.
        public init(invoices: [StoredInvoice] = [], schedules: [Schedule] = []) {
            self.invoices = invoices
            self.schedules = schedules
        }

        /// The records of one location (all of them for nil).
        public func filtered(locationId: String?) -> Records {
            guard let locationId else { return self }
            return Records(
                invoices: invoices.filter { $0.locationId == locationId },
                schedules: schedules.filter { $0.locationId == locationId })
        }
    }

    /// Every record of a location (nil: of every location), sorted by id, read in one consistent moment.
    public func records(locationId: String? = nil) -> Records {
        let (invoices, schedules) = contents.read { contents in
            (
                contents.invoices.values.filter { locationId == nil || $0.locationId == locationId },
                contents.schedules.values.filter { locationId == nil || $0.locationId == locationId }
            )
        }
        return Records(invoices: invoices.sorted { $0.id < $1.id }, schedules: schedules.sorted { $0.id < $1.id })
    }

    /// Replaces every record of a location (nil: the whole store) with `records`, all at once: a reader sees
    /// the old records or the new ones, never a mix. Nothing changes when an id clashes.
    public func replaceRecords(_ records: Records, locationId: String? = nil) throws(DomainError) {
        let replacement = Records(
            invoices: records.invoices.map { $0.renewed(generation: nextGeneration()) },
            schedules: records.schedules)
        try contents.write { (contents) throws(DomainError) in
            var next = Contents()
            if let locationId {
                next.invoices = contents.invoices.filter { $0.value.locationId != locationId }
                next.schedules = contents.schedules.filter { $0.value.locationId != locationId }
            }
            try Self.insert(replacement.invoices, replacement.schedules, into: &next)
            contents = next
        }
    }

    /// The invoice with that id, in whichever location.
    public func storedInvoice(id: String) -> StoredInvoice? {
        contents.read { $0.invoices[id] }
    }

    /// The schedule with that id, in whichever location.
    public func schedule(id: String) -> Schedule? {
        contents.read { $0.schedules[id] }
    }

    /// Stores an invoice in any status, replacing one with the same id; returns it and whether it replaced one.
    ///
    /// `allowReplacing` false refuses an id that exists (`duplicateId`).
    public func putInvoice(_ invoice: Invoice, allowReplacing: Bool) throws(DomainError) -> (
        stored: StoredInvoice, replaced: Bool
    ) {
        let stored = StoredInvoice(invoice, generation: nextGeneration())
        guard stored.totals.isFinite else { throw .totalsOutOfRange(id: invoice.id) }
        let replaced = try contents.write { (contents) throws(DomainError) -> Bool in
            let exists = contents.invoices[invoice.id] != nil
            if exists, !allowReplacing { throw .duplicateId(invoice.id) }
            contents.invoices[invoice.id] = stored
            return exists
        }
        return (stored, replaced)
    }

    /// Stores a schedule, replacing one with the same id; returns whether it replaced one.
    ///
    /// `allowReplacing` false refuses an id that exists (`duplicateId`).
    public func putSchedule(_ schedule: Schedule, allowReplacing: Bool) throws(DomainError) -> Bool {
        return try contents.write { (contents) throws(DomainError) -> Bool in
            let exists = contents.schedules[schedule.id] != nil
            if exists, !allowReplacing { throw .duplicateId(schedule.id) }
            contents.schedules[schedule.id] = schedule
            return exists
        }
    }

    /// Removes an invoice whatever its status; returns it, or nil when there was none.
    public func removeInvoice(id: String) -> StoredInvoice? {
        contents.write { $0.invoices.removeValue(forKey: id) }
    }

    /// Removes a schedule whatever its status; returns it, or nil when there was none.
    public func removeSchedule(id: String) -> Schedule? {
        contents.write { $0.schedules.removeValue(forKey: id) }
    }

    /// How many invoices and schedules a location holds.
    public func counts(locationId: String) -> (invoices: Int, schedules: Int) {
        contents.read { contents in
            (
                contents.invoices.values.count { $0.locationId == locationId },
                contents.schedules.values.count { $0.locationId == locationId }
            )
        }
    }

    func nextGeneration() -> UInt64 {
        generations.wrappingAdd(1, ordering: .relaxed).newValue
    }
}
