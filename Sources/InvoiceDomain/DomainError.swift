/// What the domain refuses.
public enum DomainError: Error, Equatable {
    /// No invoice with that id in that location.
    case invoiceNotFound(id: String)
    /// No schedule with that id in that location.
    case scheduleNotFound(id: String)
    /// Two records share an id.
    case duplicateId(String)
    /// Only drafts may be deleted.
    case invoiceNotDraft(status: InvoiceStatus)
    /// Invoices in this status may not be edited (only draft and sent may).
    case invoiceNotEditable(status: InvoiceStatus)
    /// Quantities and amounts so large that a total is beyond any number JSON can carry.
    case totalsOutOfRange(id: String)
    /// The schedule was cancelled before.
    case scheduleAlreadyCancelled(id: String)
}
