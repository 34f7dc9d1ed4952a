import SandboxJSON

/// One line of an invoice or schedule.
public struct InvoiceItem: Sendable, Equatable {
    /// The item's name.
    public var name: String
    /// The quantity.
    public var qty: Double
    /// The unit price.
    public var amount: Double
    /// The product the line sells, which a discount's `validOnProductIds` refers to.
    public var productId: String?
    /// Whether `amount` already contains the item's taxes.
    public var taxInclusive: Bool
    /// The taxes applied to the line.
    public var taxes: [ItemTax]
    /// The record as given, kept so fields the sandbox does not interpret survive.
    public var document: JSONObject

    /// Creates an item.
    public init(
        name: String, qty: Double, amount: Double, productId: String? = nil, taxInclusive: Bool = false,
        taxes: [ItemTax] = [], document: JSONObject = JSONObject()
    ) {
        self.name = name
        self.qty = qty
        self.amount = amount
        self.productId = productId
        self.taxInclusive = taxInclusive
        self.taxes = taxes
        self.document = document
    }

    /// Reads an item record.
    public init(record: JSONValue, path: String) throws(RecordError) {
        let reader = try RecordReader(record, path: path)
        name = try reader.requiredString("name")
        qty = try reader.requiredNumber("qty")
        amount = try reader.requiredNumber("amount")
        productId = try reader.string("productId")
        taxInclusive = try reader.bool("taxInclusive") ?? false
        taxes =
            try reader.records("taxes") { (element, path) throws(RecordError) in
                try ItemTax(record: element, path: path)
            } ?? []
        document = reader.object
    }

    /// The record with the typed fields written back.
    public var json: JSONValue {
        var object = document
        object["taxes"] = .array(taxes.map(\.json))
        object["name"] = .string(name)
        object["qty"] = .number(qty)
        object["amount"] = .number(amount)
        object["productId"] = productId.map { .string($0) }
        if taxInclusive || document["taxInclusive"] != nil {
            object["taxInclusive"] = .bool(taxInclusive)
        }
        return .object(object)
    }
}

extension InvoiceItem {
    /// Whether a discount limited to these products applies to the line (an empty list means every product).
    func isDiscounted(byProductIds ids: [String]) -> Bool {
        ids.isEmpty || productId.map(ids.contains) == true
    }
}

/// A tax on one item.
public struct ItemTax: Sendable, Equatable {
    /// The tax's id (`_id`).
    public var id: String
    /// Its name, e.g. `HST`.
    public var name: String
    /// The rate in percent.
    public var rate: Double
    /// The record as given.
    public var document: JSONObject

    /// Creates a tax.
    public init(id: String, name: String, rate: Double, document: JSONObject = JSONObject()) {
        self.id = id
        self.name = name
        self.rate = rate
        self.document = document
    }

    /// Reads a tax record.
    public init(record: JSONValue, path: String) throws(RecordError) {
        let reader = try RecordReader(record, path: path)
        id = try reader.requiredString("_id")
        name = try reader.requiredString("name")
        rate = try reader.requiredNumber("rate")
        document = reader.object
    }

    /// The record with the typed fields written back.
    public var json: JSONValue {
        var object = document
        object["_id"] = .string(id)
        object["name"] = .string(name)
        object["rate"] = .number(rate)
        return .object(object)
    }
}
