/// What the domain refuses.
public enum DomainError: Error, Equatable {
    /// No invoice with that id in that location.
    case invoiceNotFound(id: String)
    /// No schedule with that id in that location.
    case scheduleNotFound(id: String)
    /// Two records share an id.
    case duplicateId(String)
}
