/// The money figures of an invoice, each rounded to cents.
public struct InvoiceTotals: Sendable, Equatable {
    /// Σ qty × amount over every line.
    public var subTotal: Double
    /// The discount taken off the eligible lines.
    public var discount: Double
    /// The exclusive tax, computed on the discounted lines.
    public var tax: Double
    /// subTotal − discount + tax.
    public var total: Double
    /// total − amountPaid.
    public var amountDue: Double

    /// Creates totals.
    public init(subTotal: Double, discount: Double, tax: Double, total: Double, amountDue: Double) {
        self.subTotal = subTotal
        self.discount = discount
        self.tax = tax
        self.total = total
        self.amountDue = amountDue
    }

    /// Computes the totals of lines under a discount, exactly in decimal, rounding each figure to cents.
    ///
    /// line = qty × amount; subTotal = Σ lines. A percentage discount is `value` % of the eligible lines
    /// (those whose productId is in `validOnProductIds` when that list is non-empty, else all); a fixed one
    /// is `value`, at most the eligible lines. Each eligible line carries a share of the discount in
    /// proportion to its size, and its exclusive taxes are computed on what remains. A `taxInclusive`
    /// line's taxes are contained in its price: they add nothing to `tax` or `total`.
    public static func compute(items: [InvoiceItem], discount: Discount?, amountPaid: Double = 0) -> InvoiceTotals {
        PicoMoney.compute(items: items, discount: discount, amountPaid: amountPaid)
            ?? computeInDouble(items: items, discount: discount, amountPaid: amountPaid)
    }

    /// Whether every figure is a finite number (JSON has no infinity).
    public var isFinite: Bool {
        [subTotal, discount, tax, total, amountDue].allSatisfy(\.isFinite)
    }

    /// The same model in binary floating point, as JavaScript would compute it: only for inputs of 10¹³ or
    /// more, beyond `PicoMoney`'s range, where cents no longer matter.
    static func computeInDouble(items: [InvoiceItem], discount: Discount?, amountPaid: Double) -> InvoiceTotals {
        let ids = discount?.validOnProductIds ?? []
        let eligible = items.map { $0.isDiscounted(byProductIds: ids) }
        let lines = items.map { $0.qty * $0.amount }
        let subTotal = lines.reduce(0, +)
        let base = zip(lines, eligible).reduce(0) { $0 + ($1.1 ? $1.0 : 0) }
        var discountAmount = 0.0
        if let discount, base > 0 {
            discountAmount = discount.kind == .percentage ? base * discount.value / 100 : discount.value
            discountAmount = min(max(discountAmount, 0), base)
        }
        var tax = 0.0
        for (index, item) in items.enumerated() where !item.taxInclusive {
            let taxable = lines[index] - (eligible[index] && base > 0 ? discountAmount * lines[index] / base : 0)
            tax += item.taxes.reduce(0) { $0 + taxable * $1.rate / 100 }
        }
        let cents = { (value: Double) in (value * 100).rounded(.toNearestOrAwayFromZero) / 100 }
        let total = cents(subTotal) - cents(discountAmount) + cents(tax)
        return InvoiceTotals(
            subTotal: cents(subTotal), discount: cents(discountAmount), tax: cents(tax), total: total,
            amountDue: cents(total - amountPaid))
    }
}
