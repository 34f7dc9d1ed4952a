import SandboxJSON

/// Validates request bodies as HighLevel's ValidationPipe does; an empty array means valid.
public enum RequestValidation {
    /// The 422 messages for a PUT /invoices/{invoiceId} body (`UpdateInvoiceDto`).
    public static func updateInvoice(_ body: JSONObject) -> [String] {
        DTOValidator.messages(for: body, as: InvoiceSchemas.updateInvoice)
    }

    /// The 422 messages for a POST /invoices/schedule/{scheduleId}/cancel body (`CancelInvoiceScheduleDto`).
    public static func cancelSchedule(_ body: JSONObject) -> [String] {
        DTOValidator.messages(for: body, as: InvoiceSchemas.cancelInvoiceSchedule)
    }
}
