/// An OAuth scope of HighLevel's Invoices API.
public enum Scope: String, Sendable, CaseIterable {
    /// Read invoices.
    case invoicesReadonly = "invoices.readonly"
    /// Change invoices.
    case invoicesWrite = "invoices.write"
    /// Read schedules.
    case scheduleReadonly = "invoices/schedule.readonly"
    /// Change schedules.
    case scheduleWrite = "invoices/schedule.write"
}
