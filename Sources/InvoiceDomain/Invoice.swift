import SandboxJSON

/// An invoice as the store keeps it: the fields the sandbox reasons about, plus the whole record.
public struct Invoice: Sendable, Equatable {
    /// The invoice id (`_id`), a 24-hex ObjectId.
    public var id: String
    /// Its status.
    public var status: InvoiceStatus
    /// The location (sub-account) it belongs to (`altId`).
    public var locationId: String
    /// The invoice name.
    public var name: String
    /// The currency code, e.g. `USD`.
    public var currency: String
    /// The lines.
    public var items: [InvoiceItem]
    /// The discount, if any.
    public var discount: Discount?
    /// What has been paid so far.
    public var amountPaid: Double
    /// Creation time, ISO 8601.
    public var createdAt: String
    /// Last change, ISO 8601.
    public var updatedAt: String
    /// The record as given, in its key order; the fields above and the totals are written over it.
    public var document: JSONObject

    /// The keys the sandbox computes; values given for them are ignored.
    public static let computedKeys = ["total", "amountDue", "totalSummary"]

    /// Creates an invoice.
    public init(
        id: String, status: InvoiceStatus, locationId: String, name: String, currency: String,
        items: [InvoiceItem], discount: Discount? = nil, amountPaid: Double = 0, createdAt: String,
        updatedAt: String, document: JSONObject = JSONObject()
    ) {
        self.id = id
        self.status = status
        self.locationId = locationId
        self.name = name
        self.currency = currency
        self.items = items
        self.discount = discount
        self.amountPaid = amountPaid
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.document = document
    }

    /// The totals, computed from the lines, the discount and the amount paid.
    public var totals: InvoiceTotals {
        InvoiceTotals.compute(items: items, discount: discount, amountPaid: amountPaid)
    }

    /// The invoice in the response shape; `includeTotalSummary` adds GET's `totalSummary`.
    public func json(includeTotalSummary: Bool) -> JSONValue {
        json(totals: totals, includeTotalSummary: includeTotalSummary)
    }

    /// The invoice in the response shape with totals computed beforehand.
    ///
    /// One pass over the record: the fields the sandbox owns are written where the record has them, and
    /// appended in the response order where it does not; `totalSummary` comes last.
    public func json(totals: InvoiceTotals, includeTotalSummary: Bool) -> JSONValue {
        var owned: [(key: String, value: JSONValue?)] = [
            ("_id", .string(id)), ("status", .string(status.rawValue)), ("amountPaid", .number(amountPaid)),
            ("altId", .string(locationId)), ("name", .string(name)), ("currency", .string(currency)),
            ("discount", discount?.json), ("invoiceItems", .array(items.map(\.json))),
            ("total", .number(totals.total)), ("amountDue", .number(totals.amountDue)),
            ("createdAt", .string(createdAt)), ("updatedAt", .string(updatedAt)),
        ]
        var members: [JSONObject.Member] = []
        members.reserveCapacity(document.count + owned.count + 1)
        for member in document where member.key != "totalSummary" {
            if let index = owned.firstIndex(where: { $0.key == member.key }) {
                if let value = owned[index].value {
                    members.append(JSONObject.Member(key: member.key, value: value))
                }
                owned.remove(at: index)
            } else {
                members.append(member)
            }
        }
        for (key, value) in owned {
            if let value { members.append(JSONObject.Member(key: key, value: value)) }
        }
        if includeTotalSummary {
            let summary: JSONObject = [
                "subTotal": .number(totals.subTotal), "discount": .number(totals.discount), "tax": .number(totals.tax),
            ]
            members.append(JSONObject.Member(key: "totalSummary", value: .object(summary)))
        }
        return .object(JSONObject(uniqueMembers: members))
    }
}
