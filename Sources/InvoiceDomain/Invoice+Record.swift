import SandboxJSON

extension Invoice {
    /// Reads an invoice record in the shape GET /invoices/{invoiceId} returns.
    ///
    /// Required: `_id`, `altId`, `name`, `status`, `invoiceItems`. `altType` must be `location` when given.
    /// Defaults: `currency` USD, `amountPaid` 0, `createdAt`/`updatedAt` to `now`, and `liveMode` false,
    /// `title` INVOICE, `invoiceNumber` "" in the record when absent. `invoiceNumber` may be a number or a
    /// string and is kept as a string. The computed keys (`total`, `amountDue`, `totalSummary`) are ignored.
    public init(record: JSONValue, path: String = "", now: String) throws(RecordError) {
        let reader = try RecordReader(record, path: path)
        id = try reader.requiredString("_id")
        locationId = try reader.requiredString("altId")
        name = try reader.requiredString("name")
        guard let status = try reader.oneOf("status", InvoiceStatus.self) else {
            throw RecordError(path: reader.fieldPath("status"), problem: "is required")
        }
        self.status = status
        if let altType = try reader.string("altType"), altType != "location" {
            throw RecordError(path: reader.fieldPath("altType"), problem: "must be location")
        }
        currency = try reader.string("currency") ?? "USD"
        guard
            let items = try reader.records(
                "invoiceItems",
                { (element, path) throws(RecordError) in
                    try InvoiceItem(record: element, path: path)
                })
        else {
            throw RecordError(path: reader.fieldPath("invoiceItems"), problem: "is required")
        }
        self.items = items
        discount = try reader.record("discount") { (value, path) throws(RecordError) in
            try Discount(record: value, path: path)
        }
        amountPaid = try reader.number("amountPaid") ?? 0
        createdAt = try reader.string("createdAt") ?? now
        updatedAt = try reader.string("updatedAt") ?? createdAt

        var document = reader.object
        for key in Invoice.computedKeys {
            document[key] = nil
        }
        switch document["invoiceNumber"] {
        case .number(let number)?:
            var digits: [UInt8] = []
            JSONWriter.writeNumber(number, into: &digits)
            document["invoiceNumber"] = .string(String(decoding: digits, as: UTF8.self))
        case .string?: break
        case nil, .null?: document["invoiceNumber"] = ""
        default:
            throw RecordError(path: reader.fieldPath("invoiceNumber"), problem: "must be a string or a number")
        }
        _ = try reader.bool("liveMode")
        _ = try reader.string("title")
        if document["altType"] == nil { document["altType"] = "location" }
        if document["liveMode"] == nil { document["liveMode"] = false }
        if document["title"] == nil { document["title"] = "INVOICE" }
        _ = try reader.string("issueDate")
        _ = try reader.string("dueDate")
        self.document = document
    }
}
