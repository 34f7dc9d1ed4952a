/// The lifecycle state of an invoice, as HighLevel names it.
public enum InvoiceStatus: String, Sendable, CaseIterable {
    case draft
    case sent
    case paymentProcessing = "payment_processing"
    case paid
    case void
    case partiallyPaid = "partially_paid"
}
