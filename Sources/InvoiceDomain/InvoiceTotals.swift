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
        PicoMoney.compute(items: items, discount: discount, amountPaid: amountPaid)
            ?? computeInDecimal(items: items, discount: discount, amountPaid: amountPaid)
    }

    /// The same model in Foundation's `Decimal`: slower, for inputs beyond `PicoMoney`'s range.
    static func computeInDecimal(items: [InvoiceItem], discount: Discount?, amountPaid: Double) -> InvoiceTotals {
        let hundredth = Decimal(sign: .plus, exponent: -2, significand: 1)
        var subTotal = Decimal.zero
        var eligibleBase = Decimal.zero
        // Σ line × (its exclusive tax rates), split by whether the discount applies to the line.
        var taxedEligible = Decimal.zero
        var taxedOther = Decimal.zero
        let ids = discount?.validOnProductIds ?? []
        for item in items {
            let line = exact(item.qty) * exact(item.amount)
            subTotal += line
            let isEligible = ids.isEmpty || item.productId.map(ids.contains) == true
            if isEligible { eligibleBase += line }
            guard !item.taxInclusive, !item.taxes.isEmpty else { continue }
            let rates = item.taxes.reduce(Decimal.zero) { $0 + exact($1.rate) }
            if isEligible { taxedEligible += line * rates } else { taxedOther += line * rates }
        }

        var discountAmount = Decimal.zero
        if let discount, eligibleBase > 0 {
            switch discount.kind {
            case .percentage: discountAmount = eligibleBase * exact(discount.value) * hundredth
            case .fixed: discountAmount = exact(discount.value)
            }
            discountAmount = min(max(discountAmount, 0), eligibleBase)
        }

        // Each eligible line keeps (base − discount) / base of itself: one division for all of them.
        var taxable = taxedOther
        if discountAmount > 0, taxedEligible != 0 {
            taxable += taxedEligible * (eligibleBase - discountAmount) / eligibleBase
        } else {
            taxable += taxedEligible
        }
        let tax = taxable * hundredth

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
        if value == value.rounded(), abs(value) < 9.0e15 {
            return Decimal(Int64(value))
        }
        // "123.45" or "1.5e-07": digits and a power of ten, without Decimal's locale-aware parser.
        let text = String(describing: abs(value))
        var significand: UInt64 = 0
        var exponent = 0
        var digits = 0
        var afterPoint = false
        var index = text.utf8.startIndex
        while index != text.utf8.endIndex {
            let byte = text.utf8[index]
            if byte == UInt8(ascii: ".") {
                afterPoint = true
            } else if byte == UInt8(ascii: "e") {
                exponent += Int(text[text.utf8.index(after: index)...]) ?? 0
                break
            } else if digits < 19 {
                significand = significand * 10 + UInt64(byte - UInt8(ascii: "0"))
                digits += 1
                if afterPoint { exponent -= 1 }
            } else if !afterPoint {
                exponent += 1
            }
            index = text.utf8.index(after: index)
        }
        return Decimal(sign: value < 0 ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
    }

    static func cents(_ value: Decimal) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, 2, .plain)
        return result
    }

    static func double(_ value: Decimal) -> Double {
        Double(String(describing: value)) ?? .nan
    }
}
