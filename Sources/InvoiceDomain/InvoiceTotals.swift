import Foundation

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
        let lines = items.map { exact($0.qty) * exact($0.amount) }
        let subTotal = lines.reduce(Decimal.zero, +)

        let eligible: [Bool] = items.map { item in
            guard let ids = discount?.validOnProductIds, !ids.isEmpty else { return true }
            return item.productId.map(ids.contains) ?? false
        }
        let eligibleBase = zip(lines, eligible).reduce(Decimal.zero) { $0 + ($1.1 ? $1.0 : 0) }

        var discountAmount = Decimal.zero
        if let discount, eligibleBase > 0 {
            switch discount.kind {
            case .percentage: discountAmount = eligibleBase * exact(discount.value) / 100
            case .fixed: discountAmount = exact(discount.value)
            }
            discountAmount = min(max(discountAmount, 0), eligibleBase)
        }

        var tax = Decimal.zero
        for (index, item) in items.enumerated() where !item.taxInclusive {
            var taxable = lines[index]
            if eligible[index], eligibleBase > 0 {
                taxable -= discountAmount * lines[index] / eligibleBase
            }
            for itemTax in item.taxes {
                tax += taxable * exact(itemTax.rate) / 100
            }
        }

        let roundedSubTotal = cents(subTotal)
        let roundedDiscount = cents(discountAmount)
        let roundedTax = cents(tax)
        let total = roundedSubTotal - roundedDiscount + roundedTax
        let amountDue = cents(total - exact(amountPaid))
        return InvoiceTotals(
            subTotal: double(roundedSubTotal), discount: double(roundedDiscount), tax: double(roundedTax),
            total: double(total), amountDue: double(amountDue))
    }

    /// The decimal a JSON number was written as: the shortest digits that round-trip to the double.
    static func exact(_ value: Double) -> Decimal {
        guard value.isFinite else { return 0 }
        return Decimal(string: String(describing: value), locale: nil) ?? Decimal(value)
    }

    static func cents(_ value: Decimal) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, 2, .plain)
        return result
    }

    static func double(_ value: Decimal) -> Double {
        Double(String(describing: value)) ?? NSDecimalNumber(decimal: value).doubleValue
    }
}
