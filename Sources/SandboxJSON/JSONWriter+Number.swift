extension JSONWriter {
    /// Appends `number` exactly as JavaScript's `Number.prototype.toString()` writes it; NaN and ±∞ become `null`.
    public static func writeNumber(_ number: Double, into buffer: inout [UInt8]) {
        var output = JSONOutput(capacity: 32)
        writeNumber(number, to: &output)
        output.withBytes { buffer.append(contentsOf: $0) }
    }

    static func writeNumber(_ number: Double, to output: inout JSONOutput) {
        guard number.isFinite else {
            output.append("null")
            return
        }
        if number == 0 {
            output.append(Byte.zero)  // Also -0, as in JavaScript.
            return
        }
        // Below 2^53 an integral value's shortest round-trip digits are its integer digits.
        if number.magnitude < 9_007_199_254_740_992, number == number.rounded(.towardZero) {
            if number < 0 { output.append(Byte.minus) }
            writeDigits(of: UInt64(number.magnitude), to: &output)
            return
        }
        writeShortest(number, to: &output)
    }

    /// Appends the decimal digits of `value`.
    private static func writeDigits(of value: UInt64, to output: inout JSONOutput) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var remaining = value
            var start = 20
            repeat {
                start -= 1
                digits[start] = Byte.zero + UInt8(truncatingIfNeeded: remaining % 10)
                remaining /= 10
            } while remaining > 0
            output.append(UnsafeBufferPointer(rebasing: digits[start..<20]))
        }
    }

    /// Reformats Swift's shortest round-trip `description` (for example "1.5e-10" or "376.29") the JavaScript way.
    private static func writeShortest(_ number: Double, to output: inout JSONOutput) {
        var text = number.magnitude.description
        text.withUTF8 { utf8 in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: utf8.count) { digits in
                // Split "ddd.ddde±xx" into its digits, the count of digits before the point and the exponent.
                var digitCount = 0
                var integerDigitCount = -1
                var exponent = 0
                var position = 0
                while position < utf8.count {
                    let byte = utf8[position]
                    position += 1
                    if byte == Byte.dot {
                        integerDigitCount = digitCount
                    } else if byte | 0x20 == Byte.letterE {
                        exponent = parseExponent(utf8, from: position)
                        break
                    } else {
                        digits[digitCount] = byte
                        digitCount += 1
                    }
                }
                if integerDigitCount < 0 { integerDigitCount = digitCount }
                var first = 0
                while first < digitCount - 1, digits[first] == Byte.zero { first += 1 }
                var last = digitCount - 1
                while last > first, digits[last] == Byte.zero { last -= 1 }
                let significand = UnsafeBufferPointer(rebasing: digits[first...last])
                // The value is 0.significand × 10^pointPosition, the n of ECMAScript's Number::toString.
                let pointPosition = integerDigitCount - first + exponent
                if number < 0 { output.append(Byte.minus) }
                appendJavaScriptNotation(significand, pointPosition: pointPosition, to: &output)
            }
        }
    }

    private static func parseExponent(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var position = start
        var negative = false
        if position < utf8.count, utf8[position] == Byte.minus || utf8[position] == Byte.plus {
            negative = utf8[position] == Byte.minus
            position += 1
        }
        var exponent = 0
        while position < utf8.count {
            exponent = exponent * 10 + Int(utf8[position] &- Byte.zero)
            position += 1
        }
        return negative ? -exponent : exponent
    }

    /// Lays out digits `s` (k of them) with point position `n` following ECMAScript's Number::toString steps.
    private static func appendJavaScriptNotation(
        _ significand: UnsafeBufferPointer<UInt8>, pointPosition n: Int, to output: inout JSONOutput
    ) {
        let k = significand.count
        if k <= n && n <= 21 {
            output.append(significand)
            output.append(repeating: Byte.zero, count: n - k)
        } else if 0 < n && n <= 21 {
            output.append(UnsafeBufferPointer(rebasing: significand[..<n]))
            output.append(Byte.dot)
            output.append(UnsafeBufferPointer(rebasing: significand[n...]))
        } else if -6 < n && n <= 0 {
            output.append(Byte.zero)
            output.append(Byte.dot)
            output.append(repeating: Byte.zero, count: -n)
            output.append(significand)
        } else {
            output.append(significand[0])
            if k > 1 {
                output.append(Byte.dot)
                output.append(UnsafeBufferPointer(rebasing: significand[1...]))
            }
            output.append(Byte.letterE)
            output.append(n - 1 < 0 ? Byte.minus : Byte.plus)
            writeDigits(of: UInt64((n - 1).magnitude), to: &output)
        }
    }
}
