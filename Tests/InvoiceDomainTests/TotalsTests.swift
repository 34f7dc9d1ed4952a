import InvoiceDomain
import Testing

struct TotalsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let items: [InvoiceItem]
        let discount: Discount?
        let amountPaid: Double
        let expected: InvoiceTotals
        var testDescription: String { name }
    }

    static func item(
        _ qty: Double, _ amount: Double, product: String? = nil, taxes: [Double] = [], inclusive: Bool = false
    ) -> InvoiceItem {
        InvoiceItem(
            name: "item", qty: qty, amount: amount, productId: product, taxInclusive: inclusive,
            taxes: taxes.enumerated().map { ItemTax(id: "tax\($0.offset)", name: "T", rate: $0.element) })
    }

    static let cases: [Case] = [
        Case(
            name: "15500 × 24, 5 % off, 13 % tax after the discount",
            items: [item(24, 15500, taxes: [13])], discount: Discount(kind: .percentage, value: 5), amountPaid: 0,
            expected: InvoiceTotals(subTotal: 372000, discount: 18600, tax: 45942, total: 399342, amountDue: 399342)),
        Case(
            name: "333 at 13 % keeps the cents",
            items: [item(1, 333, taxes: [13])], discount: nil, amountPaid: 0,
            expected: InvoiceTotals(subTotal: 333, discount: 0, tax: 43.29, total: 376.29, amountDue: 376.29)),
        Case(
            name: "the documentation's example: 999, no tax, 0 % discount",
            items: [item(1, 999)], discount: Discount(kind: .percentage, value: 0), amountPaid: 0,
            expected: InvoiceTotals(subTotal: 999, discount: 0, tax: 0, total: 999, amountDue: 999)),
        Case(
            name: "fixed discount is taken off before tax",
            items: [item(2, 500, taxes: [10])], discount: Discount(kind: .fixed, value: 100), amountPaid: 0,
            expected: InvoiceTotals(subTotal: 1000, discount: 100, tax: 90, total: 990, amountDue: 990)),
        Case(
            name: "fixed discount is at most the subtotal",
            items: [item(1, 50)], discount: Discount(kind: .fixed, value: 80), amountPaid: 0,
            expected: InvoiceTotals(subTotal: 50, discount: 50, tax: 0, total: 0, amountDue: 0)),
        Case(
            name: "validOnProductIds limits the discount and its tax effect to those products",
            items: [item(1, 1000, product: "a", taxes: [10]), item(1, 1000, product: "b", taxes: [10])],
            discount: Discount(kind: .percentage, value: 10, validOnProductIds: ["a"]), amountPaid: 0,
            expected: InvoiceTotals(subTotal: 2000, discount: 100, tax: 190, total: 2090, amountDue: 2090)),
        Case(
            name: "an empty validOnProductIds means every product",
            items: [item(1, 1000, product: "a"), item(1, 1000, product: "b")],
            discount: Discount(kind: .percentage, value: 10, validOnProductIds: []), amountPaid: 0,
            expected: InvoiceTotals(subTotal: 2000, discount: 200, tax: 0, total: 1800, amountDue: 1800)),
        Case(
            name: "a discount on products the invoice does not hold takes nothing",
            items: [item(1, 1000, product: "a")],
            discount: Discount(kind: .fixed, value: 10, validOnProductIds: ["z"]), amountPaid: 0,
            expected: InvoiceTotals(subTotal: 1000, discount: 0, tax: 0, total: 1000, amountDue: 1000)),
        Case(
            name: "tax-inclusive items add no tax",
            items: [item(4, 299, taxes: [8.25], inclusive: true), item(4, 25, taxes: [8.25])], discount: nil,
            amountPaid: 0,
            expected: InvoiceTotals(subTotal: 1296, discount: 0, tax: 8.25, total: 1304.25, amountDue: 1304.25)),
        Case(
            name: "several taxes on one item each apply to the discounted line",
            items: [item(1, 200, taxes: [5, 8])], discount: Discount(kind: .percentage, value: 50), amountPaid: 0,
            expected: InvoiceTotals(subTotal: 200, discount: 100, tax: 13, total: 113, amountDue: 113)),
        Case(
            name: "amountDue subtracts what was paid",
            items: [item(1, 7700)], discount: nil, amountPaid: 3850,
            expected: InvoiceTotals(subTotal: 7700, discount: 0, tax: 0, total: 7700, amountDue: 3850)),
        Case(
            name: "fractional quantities and decimal prices are exact: 0.1 × 3 is 0.3",
            items: [item(3, 0.1)], discount: nil, amountPaid: 0,
            expected: InvoiceTotals(subTotal: 0.3, discount: 0, tax: 0, total: 0.3, amountDue: 0.3)),
        Case(
            name: "half a cent rounds away from zero: 1.005 → 1.01",
            items: [item(1, 1.005)], discount: nil, amountPaid: 0,
            expected: InvoiceTotals(subTotal: 1.01, discount: 0, tax: 0, total: 1.01, amountDue: 1.01)),
        Case(
            name: "tiny and huge inputs keep their digits",
            items: [item(1, 0.000001), item(2, 123_456_789.125), item(0.5, 1e-7)], discount: nil, amountPaid: 0,
            expected: InvoiceTotals(
                subTotal: 246_913_578.25, discount: 0, tax: 0, total: 246_913_578.25, amountDue: 246_913_578.25)),
        Case(
            name: "negative amounts (credits) count against the subtotal",
            items: [item(1, 100, taxes: [10]), item(1, -20.5)], discount: nil, amountPaid: 0,
            expected: InvoiceTotals(subTotal: 79.5, discount: 0, tax: 10, total: 89.5, amountDue: 89.5)),
        Case(
            name: "no items, no money",
            items: [], discount: Discount(kind: .percentage, value: 10), amountPaid: 0,
            expected: InvoiceTotals(subTotal: 0, discount: 0, tax: 0, total: 0, amountDue: 0)),
    ]

    @Test(arguments: cases)
    func totalsFollowTheModel(_ testCase: Case) {
        let totals = InvoiceTotals.compute(
            items: testCase.items, discount: testCase.discount, amountPaid: testCase.amountPaid)
        #expect(totals == testCase.expected)
    }
}
