/// Every operation of HighLevel's Invoices API (all 42 in the official OpenAPI document) with its scope.
///
/// The ones the sandbox does not emulate yet answer a JSON 501 instead of a misleading 404 or 400.
enum DocumentedOperations {
    static let all: [(method: String, path: String, scope: Scope?)] = [
        ("POST", "/invoices/template", nil), ("GET", "/invoices/template", nil),
        ("GET", "/invoices/template/{templateId}", nil), ("PUT", "/invoices/template/{templateId}", nil),
        ("DELETE", "/invoices/template/{templateId}", nil),
        ("PATCH", "/invoices/template/{templateId}/late-fees-configuration", nil),
        ("PATCH", "/invoices/template/{templateId}/payment-methods-configuration", nil),
        ("POST", "/invoices/schedule", .scheduleWrite), ("GET", "/invoices/schedule", .scheduleReadonly),
        ("GET", "/invoices/schedule/{scheduleId}", .scheduleReadonly),
        ("PUT", "/invoices/schedule/{scheduleId}", .scheduleWrite),
        ("DELETE", "/invoices/schedule/{scheduleId}", .scheduleWrite),
        ("POST", "/invoices/schedule/{scheduleId}/updateAndSchedule", .scheduleWrite),
        ("POST", "/invoices/schedule/{scheduleId}/schedule", .scheduleWrite),
        ("POST", "/invoices/schedule/{scheduleId}/auto-payment", .scheduleWrite),
        ("POST", "/invoices/schedule/{scheduleId}/cancel", .scheduleWrite),
        ("POST", "/invoices/text2pay", .invoicesWrite),
        ("GET", "/invoices/generate-invoice-number", .invoicesReadonly),
        ("GET", "/invoices/settings", .invoicesReadonly),
        ("GET", "/invoices/{invoiceId}", .invoicesReadonly), ("PUT", "/invoices/{invoiceId}", .invoicesWrite),
        ("DELETE", "/invoices/{invoiceId}", .invoicesWrite),
        ("PATCH", "/invoices/{invoiceId}/late-fees-configuration", nil),
        ("POST", "/invoices/{invoiceId}/void", .invoicesWrite), ("POST", "/invoices/{invoiceId}/send", .invoicesWrite),
        ("POST", "/invoices/{invoiceId}/record-payment", .invoicesWrite),
        ("PATCH", "/invoices/stats/last-visited-at", nil),
        ("POST", "/invoices/estimate", nil), ("PUT", "/invoices/estimate/{estimateId}", nil),
        ("DELETE", "/invoices/estimate/{estimateId}", nil), ("GET", "/invoices/estimate/number/generate", nil),
        ("POST", "/invoices/estimate/{estimateId}/send", nil),
        ("POST", "/invoices/estimate/{estimateId}/invoice", nil), ("GET", "/invoices/estimate/list", nil),
        ("PATCH", "/invoices/estimate/stats/last-visited-at", nil), ("GET", "/invoices/estimate/template", nil),
        ("POST", "/invoices/estimate/template", nil), ("PUT", "/invoices/estimate/template/{templateId}", nil),
        ("DELETE", "/invoices/estimate/template/{templateId}", nil),
        ("GET", "/invoices/estimate/template/preview", nil), ("POST", "/invoices/", .invoicesWrite),
        ("GET", "/invoices/", .invoicesReadonly),
    ]
}
