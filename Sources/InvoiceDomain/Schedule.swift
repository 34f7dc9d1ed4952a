import SandboxJSON

/// A recurring invoice schedule and the invoices it has generated.
public struct Schedule: Sendable, Equatable {
    /// The status a cancelled schedule has.
    public static let cancelledStatus = "cancelled"

    /// The schedule id (`_id`).
    public var id: String
    /// Its status, e.g. `active` or `cancelled`.
    public var status: String
    /// The location it belongs to (`altId`).
    public var locationId: String
    /// The schedule's name.
    public var name: String
    /// The lines each generated invoice gets.
    public var items: [InvoiceItem]
    /// The discount, if any.
    public var discount: Discount?
    /// The invoices generated so far.
    public var invoices: [Invoice]
    /// Last change, ISO 8601.
    public var updatedAt: String
    /// The record as given, in its key order.
    public var document: JSONObject

    /// The total of one generated invoice, computed from the lines and the discount.
    public var total: Double {
        InvoiceTotals.compute(items: items, discount: discount).total
    }

    /// Reads a schedule record in the shape POST /invoices/schedule/{scheduleId}/cancel returns.
    ///
    /// Required: `_id`, `altId`, `name`, `status`. `items` and `invoices` default to empty; each invoice is read
    /// as an invoice record. `total` is computed.
    public init(record: JSONValue, path: String = "", now: String) throws(RecordError) {
        let reader = try RecordReader(record, path: path)
        id = try reader.requiredString("_id")
        locationId = try reader.requiredString("altId")
        name = try reader.requiredString("name")
        status = try reader.requiredString("status")
        if let altType = try reader.string("altType"), altType != "location" {
            throw RecordError(path: reader.fieldPath("altType"), problem: "must be location")
        }
        items =
            try reader.records("items") { (element, path) throws(RecordError) in
                try InvoiceItem(record: element, path: path)
            } ?? []
        discount = try reader.record("discount") { (value, path) throws(RecordError) in
            try Discount(record: value, path: path)
        }
        invoices =
            try reader.records("invoices") { (element, path) throws(RecordError) in
                try Invoice(record: element, path: path, now: now)
            } ?? []
        updatedAt = try reader.string("updatedAt") ?? now
        var document = reader.object
        if document["altType"] == nil { document["altType"] = "location" }
        if document["createdAt"] == nil { document["createdAt"] = .string(now) }
        self.document = document
    }

    /// The schedule in the response shape, its invoices included.
    public var json: JSONValue {
        var object = document
        object["_id"] = .string(id)
        object["status"] = .string(status)
        object["altId"] = .string(locationId)
        object["name"] = .string(name)
        object["invoices"] = .array(invoices.map { $0.json(includeTotalSummary: false) })
        object["discount"] = discount?.json
        object["items"] = .array(items.map(\.json))
        object["total"] = .number(total)
        object["updatedAt"] = .string(updatedAt)
        return .object(object)
    }
}
