import SandboxJSON

/// A full replacement of an invoice's editable fields (PUT /invoices/{invoiceId}).
public struct InvoiceUpdate: Sendable, Equatable {
    /// The editable fields the sandbox passes through as given.
    public static let passThroughKeys = [
        "title", "description", "businessDetails", "invoiceNumber", "contactId", "contactDetails", "termsNotes",
        "automaticTaxesEnabled", "liveMode", "issueDate", "dueDate", "paymentSchedule", "tipsConfiguration",
        "xeroDetails", "invoiceNumberPrefix", "paymentMethods", "attachments", "miscellaneousCharges",
    ]
    /// Fields the response always carries: when an update leaves them out, the stored value stays.
    public static let keptWhenAbsent: Set<String> = ["businessDetails", "contactDetails", "invoiceNumber", "liveMode"]
    /// `title` falls back to this when an update leaves it out.
    public static let defaultTitle = "INVOICE"

    /// The new name.
    public var name: String
    /// The new currency.
    public var currency: String
    /// The new lines.
    public var items: [InvoiceItem]
    /// The new discount; nil removes it.
    public var discount: Discount?
    /// The other editable fields present in the update, by key.
    public var fields: JSONObject

    /// Creates an update.
    public init(name: String, currency: String, items: [InvoiceItem], discount: Discount?, fields: JSONObject) {
        self.name = name
        self.currency = currency
        self.items = items
        self.discount = discount
        self.fields = fields
    }
}

extension Invoice {
    /// The statuses an update may change: drafts and sent invoices; paid, partly paid, void and processing
    /// ones may not.
    public static let editableStatuses: Set<InvoiceStatus> = [.draft, .sent]

    /// The invoice after a full replacement of its editable fields, stamped `now`.
    ///
    /// Editable fields the update leaves out are removed, except those the response always carries
    /// (`InvoiceUpdate.keptWhenAbsent`) and `title`, which falls back to `INVOICE`.
    public func applying(_ update: InvoiceUpdate, now: String) -> Invoice {
        var result = self
        result.name = update.name
        result.currency = update.currency
        result.items = update.items
        result.discount = update.discount
        result.updatedAt = now
        for key in InvoiceUpdate.passThroughKeys {
            if let value = update.fields[key] {
                result.document[key] = value
            } else if key == "title" {
                result.document[key] = .string(InvoiceUpdate.defaultTitle)
            } else if !InvoiceUpdate.keptWhenAbsent.contains(key) {
                result.document[key] = nil
            }
        }
        return result
    }
}
