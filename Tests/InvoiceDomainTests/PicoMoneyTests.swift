import Testing

@testable import InvoiceDomain

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
            let reference = InvoiceTotals.computeInDecimal(items: items, discount: discount, amountPaid: paid)
            #expect(fast == reference, "\(items) \(String(describing: discount))")
        }
    }

    @Test func inputsOutOfItsRangeFallBackToDecimal() {
        let items = [InvoiceItem(name: "big", qty: 1, amount: 2e14)]
        #expect(PicoMoney.compute(items: items, discount: nil, amountPaid: 0) == nil)
        #expect(InvoiceTotals.compute(items: items, discount: nil, amountPaid: 0).total == 2e14)
    }

    @Test(arguments: [
        (0.1, 100_000_000_000), (376.29, 376_290_000_000_000), (1e-7, 100_000), (-2.5, -2_500_000_000_000),
    ])
    func inputsAreReadAsTheDecimalTheyWereWrittenAs(_ value: Double, _ picos: Int64) {
        #expect(PicoMoney.fixed(value) == Int128(picos))
    }

    @Test func digitsBelowAPicoAreLeftToDecimal() {
        #expect(PicoMoney.fixed(1e-13) == nil)
    }
}
