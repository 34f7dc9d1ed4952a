import Foundation
import Testing

@testable import InvoiceDomain

/// The totals model written plainly in Foundation's `Decimal`: the oracle the integer version is checked against.
enum DecimalOracle {
    static func exact(_ value: Double) -> Decimal {
        Decimal(string: String(describing: value), locale: nil) ?? 0
    }

    static func cents(_ value: Decimal) -> Double {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, 2, .plain)
        return Double(String(describing: result)) ?? .nan
    }

    static func compute(items: [InvoiceItem], discount: Discount?, amountPaid: Double) -> InvoiceTotals {
        let ids = discount?.validOnProductIds ?? []
        let eligible = items.map { ids.isEmpty || $0.productId.map(ids.contains) == true }
        let lines = items.map { exact($0.qty) * exact($0.amount) }
        let subTotal = lines.reduce(Decimal.zero, +)
        let base = zip(lines, eligible).reduce(Decimal.zero) { $0 + ($1.1 ? $1.0 : 0) }
        var discountAmount = Decimal.zero
        if let discount, base > 0 {
            discountAmount = discount.kind == .percentage ? base * exact(discount.value) / 100 : exact(discount.value)
            discountAmount = min(max(discountAmount, 0), base)
        }
        var tax = Decimal.zero
        for (index, item) in items.enumerated() where !item.taxInclusive {
            let taxable = lines[index] - (eligible[index] && base > 0 ? discountAmount * lines[index] / base : 0)
            for itemTax in item.taxes {
                tax += taxable * exact(itemTax.rate) / 100
            }
        }
        let (s, d, t) = (cents(subTotal), cents(discountAmount), cents(tax))
        let total = cents(exact(s) - exact(d) + exact(t))
        return InvoiceTotals(
            subTotal: s, discount: d, tax: t, total: total, amountDue: cents(exact(total) - exact(amountPaid)))
    }
}

struct PicoMoneyTests {
    /// A small deterministic generator so a failure reproduces.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func theIntegerModelAgreesWithTheDecimalOneOnRandomInvoices() {
        var random = SplitMix(state: 20_261_121)
        for _ in 0..<2_000 {
            let items = (0..<Int.random(in: 1...4, using: &random)).map { index in
                InvoiceItem(
                    name: "i", qty: Double(Int.random(in: 1...400, using: &random)) / [1, 2, 4][index % 3],
                    amount: Double(Int.random(in: -5_000...2_000_000, using: &random)) / 100,
                    productId: ["a", "b", "c"][index % 3], taxInclusive: index == 3,
                    taxes: (0..<Int.random(in: 0...2, using: &random)).map {
                        ItemTax(id: "t\($0)", name: "T", rate: Double(Int.random(in: 0...2_500, using: &random)) / 100)
                    })
            }
            let discount: Discount? =
                switch Int.random(in: 0...3, using: &random) {
                case 0: nil
                case 1: Discount(kind: .percentage, value: Double(Int.random(in: 0...1_000, using: &random)) / 10)
                case 2: Discount(kind: .fixed, value: Double(Int.random(in: 0...100_000, using: &random)) / 100)
                default: Discount(kind: .percentage, value: 7.5, validOnProductIds: ["a", "c"])
                }
            let paid = Double(Int.random(in: 0...10_000, using: &random)) / 100
            let fast = PicoMoney.compute(items: items, discount: discount, amountPaid: paid)
            let reference = DecimalOracle.compute(items: items, discount: discount, amountPaid: paid)
            #expect(fast == reference, "\(items) \(String(describing: discount))")
        }
    }

    @Test func inputsOutOfItsRangeFallBackToFloatingPoint() {
        let items = [InvoiceItem(name: "big", qty: 1, amount: 2e14), InvoiceItem(name: "huge", qty: 1e200, amount: 1)]
        #expect(PicoMoney.compute(items: items, discount: nil, amountPaid: 0) == nil)
        let totals = InvoiceTotals.compute(items: items, discount: nil, amountPaid: 0)
        #expect(totals.total == 1e200)
        #expect(totals.isFinite)
    }

    @Test func totalsBeyondADoubleAreReportedAsNotFinite() {
        let items = [InvoiceItem(name: "x", qty: 1e200, amount: 1e200)]
        #expect(!InvoiceTotals.compute(items: items, discount: nil, amountPaid: 0).isFinite)
    }

    @Test func vanishinglySmallInputsCountAsZero() {
        let items = [
            InvoiceItem(name: "x", qty: 1e-70, amount: 1e-70, taxes: [ItemTax(id: "t", name: "T", rate: 1e-300)])
        ]
        #expect(InvoiceTotals.compute(items: items, discount: nil, amountPaid: 0).total == 0)
    }

    @Test(arguments: [
        (0.1, 100_000_000_000), (376.29, 376_290_000_000_000), (1e-7, 100_000), (-2.5, -2_500_000_000_000),
    ])
    func inputsAreReadAsTheDecimalTheyWereWrittenAs(_ value: Double, _ picos: Int64) {
        #expect(PicoMoney.fixed(value) == Int128(picos))
    }

    @Test func digitsBelowAPicoAreRoundedOff() {
        #expect(PicoMoney.fixed(1e-13) == 0)
        #expect(PicoMoney.fixed(6e-13) == 1)
        #expect(PicoMoney.fixed(1.2345678901234567) == 1_234_567_890_123)
    }
}
