import SandboxJSON

/// An invoice-level discount.
public struct Discount: Sendable, Equatable {
    /// How the value is read.
    public enum Kind: String, Sendable, CaseIterable {
        /// `value` percent of the eligible lines.
        case percentage
        /// `value` in the invoice currency, at most the eligible lines.
        case fixed
    }

    /// Percentage or fixed.
    public var kind: Kind
    /// The percentage or the amount.
    public var value: Double
    /// When given and not empty, only lines with these product ids are discounted.
    public var validOnProductIds: [String]?
    /// The record as given, kept so fields the sandbox does not interpret survive.
    public var document: JSONObject

    /// Creates a discount.
    public init(kind: Kind, value: Double, validOnProductIds: [String]? = nil, document: JSONObject = JSONObject()) {
        self.kind = kind
        self.value = value
        self.validOnProductIds = validOnProductIds
        self.document = document
    }

    /// Reads a discount record.
    public init(record: JSONValue, path: String) throws(RecordError) {
        let reader = try RecordReader(record, path: path)
        kind = try reader.oneOf("type", Kind.self) ?? .percentage
        value = try reader.number("value") ?? 0
        validOnProductIds = try reader.records("validOnProductIds") { (element, path) throws(RecordError) in
            guard case .string(let id) = element else { throw RecordError(path: path, problem: "must be a string") }
            return id
        }
        document = reader.object
    }

    /// The record with the typed fields written back.
    public var json: JSONValue {
        var object = document
        object["type"] = .string(kind.rawValue)
        object["value"] = .number(value)
        if let validOnProductIds {
            object["validOnProductIds"] = .array(validOnProductIds.map { .string($0) })
        }
        return .object(object)
    }
}
