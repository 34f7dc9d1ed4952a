/// The totals model in exact integer arithmetic: every amount in millionths of a millionth (10⁻¹²).
///
/// Inputs come from JSON doubles read as the decimal they were written as (their shortest digits), so any
/// input with at most 12 decimals is exact, and digits below 10⁻¹² are rounded off. Products and quotients
/// go through 256-bit intermediates and round half away from zero at 10⁻¹², far below the cent the
/// figures are finally rounded to. Inputs of 10¹³ or more are left to the floating-point version (nil).
enum PicoMoney {
    static let scale: Int128 = 1_000_000_000_000
    private static let limit: Double = 1e13

    static func compute(items: [InvoiceItem], discount: Discount?, amountPaid: Double) -> InvoiceTotals? {
        let ids = discount?.validOnProductIds ?? []
        var lines: [Int128] = []
        lines.reserveCapacity(items.count)
        var subTotal: Int128 = 0
        var eligibleBase: Int128 = 0
        for item in items {
            guard let qty = fixed(item.qty), let amount = fixed(item.amount) else { return nil }
            let line = multiplyDivide(qty, amount, scale)
            lines.append(line)
            subTotal += line
            if item.isDiscounted(byProductIds: ids) { eligibleBase += line }
        }

        var discountAmount: Int128 = 0
        if let discount, eligibleBase > 0 {
            guard let value = fixed(discount.value) else { return nil }
            switch discount.kind {
            case .percentage: discountAmount = multiplyDivide(eligibleBase, value, 100 * scale)
            case .fixed: discountAmount = value
            }
            discountAmount = min(max(discountAmount, 0), eligibleBase)
        }

        var tax: Int128 = 0
        for (index, item) in items.enumerated() where !item.taxInclusive && !item.taxes.isEmpty {
            var rates: Int128 = 0
            for itemTax in item.taxes {
                guard let rate = fixed(itemTax.rate) else { return nil }
                rates += rate
            }
            var taxable = lines[index]
            if discountAmount > 0, item.isDiscounted(byProductIds: ids) {
                taxable -= multiplyDivide(discountAmount, lines[index], eligibleBase)
            }
            tax += multiplyDivide(taxable, rates, 100 * scale)
        }

        guard let paid = fixed(amountPaid) else { return nil }
        let subTotalCents = cents(subTotal)
        let discountCents = cents(discountAmount)
        let taxCents = cents(tax)
        let totalCents = subTotalCents - discountCents + taxCents
        let dueCents = cents(totalCents * (scale / 100) - paid)
        return InvoiceTotals(
            subTotal: double(subTotalCents), discount: double(discountCents), tax: double(taxCents),
            total: double(totalCents), amountDue: double(dueCents))
    }

    /// The value in units of 10⁻¹², exact for the digits it was written with; nil when out of range.
    static func fixed(_ value: Double) -> Int128? {
        guard value.isFinite, abs(value) < limit else { return nil }
        if value == value.rounded() { return Int128(Int64(value)) * scale }
        let text = String(describing: abs(value))
        var digits: Int128 = 0
        var exponent = 0
        var afterPoint = false
        var index = text.utf8.startIndex
        while index != text.utf8.endIndex {
            let byte = text.utf8[index]
            if byte == UInt8(ascii: ".") {
                afterPoint = true
            } else if byte == UInt8(ascii: "e") {
                exponent += Int(text[text.utf8.index(after: index)...]) ?? 0
                break
            } else {
                digits = digits * 10 + Int128(byte - UInt8(ascii: "0"))
                if afterPoint { exponent -= 1 }
            }
            index = text.utf8.index(after: index)
        }
        // digits × 10^exponent in units of 10⁻¹²: shift by exponent + 12, rounding off what falls below.
        let shift = exponent + 12
        var result = digits
        if shift >= 0 {
            for _ in 0..<shift {
                result *= 10
            }
        } else if shift > -38 {
            var divisor: Int128 = 1
            for _ in 0..<(-shift) {
                divisor *= 10
            }
            result = (result + divisor / 2) / divisor
        } else {
            result = 0
        }
        return value < 0 ? -result : result
    }

    /// a × b ÷ c, rounded half away from zero, through a 256-bit product.
    static func multiplyDivide(_ a: Int128, _ b: Int128, _ c: Int128) -> Int128 {
        let negative = ((a < 0) != (b < 0)) != (c < 0)
        let product = a.magnitude.multipliedFullWidth(by: b.magnitude)
        let divisor = c.magnitude
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        let rounded = remainder >= divisor - remainder ? quotient + 1 : quotient
        return negative ? -Int128(rounded) : Int128(rounded)
    }

    /// Whole cents, rounded half away from zero.
    static func cents(_ value: Int128) -> Int128 {
        let unit = scale / 100
        let half = unit / 2
        return value >= 0 ? (value + half) / unit : -((-value + half) / unit)
    }

    /// Cents as the nearest double (an integer divided by 100 rounds exactly once).
    static func double(_ cents: Int128) -> Double {
        Double(cents) / 100
    }
}
