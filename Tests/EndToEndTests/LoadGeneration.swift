import SandboxJSON

/// One PUT of the load test, numbered `k`: its name, its lines and its discount all derive from `k`, so a record
/// read back names the PUT it came from and shows at once whether every field came from that same PUT.
///
/// Amounts are whole cents and quantities and percentages whole numbers, so the totals model gives exact
/// figures to compare with, computed here in integers independently of the sandbox.
struct LoadGeneration: Equatable {
    /// A line as the PUT sends it.
    struct Line: Equatable {
        let name: String
        let qty: Int
        let amountCents: Int
        let taxRates: [Int]
    }

    /// The PUT's number, unique across the whole load.
    let number: Int

    /// The invoice name that carries the number.
    var name: String { "load-\(number)" }

    /// One to three lines; qty, amount and taxes vary with the number and the line.
    var lines: [Line] {
        (0...(number % 3)).map { index in
            let taxRates: [Int] =
                switch (number + index) % 3 {
                case 0: []
                case 1: [13]
                default: [13, 7]
                }
            return Line(
                name: "load-\(number)-line-\(index)", qty: 1 + (number + index) % 4,
                amountCents: 100 + (number &* 37 + index &* 101) % 9900, taxRates: taxRates)
        }
    }

    /// A percentage discount on half of the PUTs: 5 % or 10 %, or none.
    var discountPercent: Int? {
        switch number % 4 {
        case 0: 5
        case 1: 10
        default: nil
        }
    }

    /// Reads the number back from an invoice name, nil for a name no PUT of the load writes.
    static func number(fromName name: String) -> Int? {
        guard name.hasPrefix("load-") else { return nil }
        return Int(name.dropFirst(5))
    }

    /// The UpdateInvoiceDto body of this PUT.
    func body(location: String) -> [UInt8] {
        var update: JSONObject = [
            "altId": .string(location), "altType": "location", "name": .string(name), "currency": "USD",
            "issueDate": "2024-03-01", "dueDate": "2024-03-31",
            "invoiceItems": .array(
                lines.map { line in
                    [
                        "name": .string(line.name), "currency": "USD",
                        "amount": .number(Double(line.amountCents) / 100), "qty": .number(Double(line.qty)),
                        "taxes": .array(
                            line.taxRates.map { rate in
                                ["_id": "65a0c0ffee0000000000000b", "name": "tax", "rate": .number(Double(rate))]
                            }),
                    ]
                }),
        ]
        if let discountPercent {
            update["discount"] = ["type": "percentage", "value": .number(Double(discountPercent))]
        }
        return JSONWriter.bytes(.object(update))
    }

    /// The figures the totals model gives, in cents: each rounded half away from zero, total their sum.
    var expectedCents: (subTotal: Int, discount: Int, tax: Int, total: Int) {
        let percent = discountPercent ?? 0
        let lineCents = lines.map { $0.qty * $0.amountCents }
        let subTotal = lineCents.reduce(0, +)
        // Every line is eligible, so each carries percent % of itself off; its taxes apply to the rest.
        let discount = Self.rounded(subTotal * percent, dividedBy: 100)
        let taxUnits = zip(lines, lineCents).reduce(0) { sum, pair in
            sum + pair.1 * (100 - percent) * pair.0.taxRates.reduce(0, +)
        }
        let tax = Self.rounded(taxUnits, dividedBy: 10_000)
        return (subTotal, discount, tax, subTotal - discount + tax)
    }

    private static func rounded(_ value: Int, dividedBy divisor: Int) -> Int {
        (value + divisor / 2) / divisor
    }

    /// Why a record is not exactly this PUT (name, lines, discount and totals together), or nil when it is.
    /// `requireSummary`: GET's shape, which also carries `totalSummary`.
    func mismatch(in record: JSONObject, requireSummary: Bool) -> String? {
        guard record["name"] == .string(name) else { return "name \(record["name"] ?? nil) is not \(name)" }
        guard let items = record["invoiceItems"]?.arrayValue, items.count == lines.count else {
            return "\(name): \(record["invoiceItems"]?.arrayValue?.count ?? -1) lines, expected \(lines.count)"
        }
        for (item, line) in zip(items, lines) {
            let rates = item["taxes"]?.arrayValue?.map { $0["rate"]?.numberValue ?? -1 } ?? []
            guard item["name"] == .string(line.name), item["qty"] == .number(Double(line.qty)),
                item["amount"] == .number(Double(line.amountCents) / 100),
                rates == line.taxRates.map(Double.init)
            else { return "\(name): line \(item) is not \(line)" }
        }
        let expectedDiscount: JSONValue? = discountPercent.map { ["type": "percentage", "value": .number(Double($0))] }
        guard record["discount"] == expectedDiscount else {
            return "\(name): discount \(record["discount"] ?? nil), expected \(expectedDiscount ?? nil)"
        }
        let cents = expectedCents
        let amountPaid = record["amountPaid"]?.numberValue ?? 0
        let expected: [(String, JSONValue?, Double)] = [
            ("total", record["total"], Double(cents.total) / 100),
            ("amountDue", record["amountDue"], Double(cents.total - Int((amountPaid * 100).rounded())) / 100),
        ]
        for (field, value, figure) in expected where value != .number(figure) {
            return "\(name): \(field) \(value ?? nil), expected \(figure)"
        }
        let summary = record["totalSummary"]
        if requireSummary || summary != nil {
            let expectedSummary: JSONValue = [
                "subTotal": .number(Double(cents.subTotal) / 100), "discount": .number(Double(cents.discount) / 100),
                "tax": .number(Double(cents.tax) / 100),
            ]
            guard summary == expectedSummary else {
                return "\(name): totalSummary \(summary ?? nil), expected \(expectedSummary)"
            }
        }
        return nil
    }
}
