/// The recursive-descent parser behind `JSONParser`, reading a borrowed UTF-8 buffer by index.
///
/// Recursion depth is bounded by `maxDepth`, which is checked before every nested array or object.
struct JSONByteParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let end: Int
    private let maxDepth: Int
    private var index = 0
    /// Reused buffer for decoding strings that contain escapes.
    private var scratch: [UInt8] = []
    /// Whether the last string parsed had escapes, so its decoded UTF-8 is in `scratch`.
    private var decodedIntoScratch = false
    /// Fingerprints of the keys of the objects being parsed, innermost last.
    private var keyFingerprints: [UInt64] = []

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.end = bytes.count
        self.maxDepth = maxDepth
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        guard index < end else { throw JSONParseError(reason: .empty, offset: index) }
        let value = try parseValue(depth: 0)
        skipWhitespace()
        guard index == end else {
            if let error = invalidUTF8Error(at: index) { throw error }
            throw JSONParseError(reason: .trailingData, offset: index)
        }
        return value
    }

    // MARK: - Values

    private mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        guard index < end else { throw JSONParseError(reason: .unexpectedEnd, offset: end) }
        switch bytes[index] {
        case Byte.quote:
            return .string(try parseString())
        case Byte.openBrace:
            return .object(try parseObject(depth: depth + 1))
        case Byte.openBracket:
            return .array(try parseArray(depth: depth + 1))
        case Byte.letterT:
            try expectLiteral("true")
            return .bool(true)
        case Byte.letterF:
            try expectLiteral("false")
            return .bool(false)
        case Byte.letterN:
            try expectLiteral("null")
            return .null
        case Byte.minus, Byte.zero...Byte.nine:
            return .number(try parseNumber())
        default:
            throw unexpected(at: index)
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONParseError) -> [JSONValue] {
        guard depth <= maxDepth else { throw JSONParseError(reason: .tooDeep, offset: index) }
        index += 1
        skipWhitespace()
        guard index < end else { throw JSONParseError(reason: .unexpectedEnd, offset: end) }
        if bytes[index] == Byte.closeBracket {
            index += 1
            return []
        }
        var elements: [JSONValue] = []
        while true {
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            guard index < end else { throw JSONParseError(reason: .unexpectedEnd, offset: end) }
            switch bytes[index] {
            case Byte.comma:
                index += 1
            case Byte.closeBracket:
                index += 1
                return elements
            default:
                throw unexpected(at: index)
            }
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONObject {
        guard depth <= maxDepth else { throw JSONParseError(reason: .tooDeep, offset: index) }
        index += 1
        skipWhitespace()
        guard index < end else { throw JSONParseError(reason: .unexpectedEnd, offset: end) }
        if bytes[index] == Byte.closeBrace {
            index += 1
            return JSONObject()
        }
        var members: [JSONObject.Member] = []
        members.reserveCapacity(8)
        // This object's key fingerprints live in keyFingerprints[fingerprintBase...]; nested objects push and
        // pop theirs above while a value is parsed, so the range stays contiguous.
        let fingerprintBase = keyFingerprints.count
        var positions: [String: Int] = [:]
        var seenFingerprintBits: UInt64 = 0
        while true {
            guard index < end else { throw JSONParseError(reason: .unexpectedEnd, offset: end) }
            guard bytes[index] == Byte.quote else { throw unexpected(at: index) }
            let (key, fingerprint) = try parseKey()
            skipWhitespace()
            guard index < end else { throw JSONParseError(reason: .unexpectedEnd, offset: end) }
            guard bytes[index] == Byte.colon else { throw unexpected(at: index) }
            index += 1
            let value = try parseValue(depth: depth)
            // A one-word Bloom filter of the fingerprints seen so far spares the scan for most new keys.
            let fingerprintBit: UInt64 = 1 << ((fingerprint &* 0x9E37_79B9_7F4A_7C15) >> 58)
            if seenFingerprintBits & fingerprintBit != 0,
                let existing = memberIndex(
                    of: key, fingerprint: fingerprint, in: members, base: fingerprintBase, positions: &positions)
            {
                members[existing].value = value  // JSON.parse semantics: last value, first position.
            } else {
                seenFingerprintBits |= fingerprintBit
                if !positions.isEmpty { positions[key] = members.count }
                members.append(JSONObject.Member(key: key, value: value))
                keyFingerprints.append(fingerprint)
            }
            skipWhitespace()
            guard index < end else { throw JSONParseError(reason: .unexpectedEnd, offset: end) }
            switch bytes[index] {
            case Byte.comma:
                index += 1
                skipWhitespace()
            case Byte.closeBrace:
                index += 1
                keyFingerprints.removeLast(keyFingerprints.count - fingerprintBase)
                return JSONObject(uniqueMembers: members)
            default:
                throw unexpected(at: index)
            }
        }
    }

    /// The index of the member already named `key`: a fingerprint scan for small objects, a hash index for big ones.
    private func memberIndex(
        of key: String, fingerprint: UInt64, in members: [JSONObject.Member], base: Int,
        positions: inout [String: Int]
    ) -> Int? {
        if members.count < 64 {
            var position = base
            let stop = keyFingerprints.count
            while position < stop {
                if keyFingerprints[position] == fingerprint && members[position - base].key == key {
                    return position - base
                }
                position += 1
            }
            return nil
        }
        if positions.isEmpty {
            positions.reserveCapacity(members.count * 2)
            for (position, member) in members.enumerated() {
                positions[member.key] = position
            }
        }
        return positions[key]
    }

    /// Parses an object key, also returning a fingerprint of its decoded UTF-8 for quick duplicate checks.
    private mutating func parseKey() throws(JSONParseError) -> (String, UInt64) {
        let start = index + 1
        decodedIntoScratch = false
        let key = try parseString()
        if decodedIntoScratch {
            return (key, scratch.withUnsafeBufferPointer(Self.fingerprint))
        }
        return (key, Self.fingerprint(UnsafeBufferPointer(rebasing: bytes[start..<index - 1])))
    }

    /// A cheap digest of `utf8`: its length mixed with its first and last eight bytes (or all of a short key).
    private static func fingerprint(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = utf8.count
        guard count >= 8, let base = utf8.baseAddress else {
            var hash = UInt64(count)
            for byte in utf8 {
                hash = hash << 8 | UInt64(byte)
            }
            return hash
        }
        let head = ASCIIWord.load(base)
        let tail = ASCIIWord.load(base + count - 8)
        return (head &* 0x9E37_79B9_7F4A_7C15) ^ (tail &+ UInt64(count)).byteSwapped
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        for offset in 0..<count {
            let position = index + offset
            guard position < end else { throw JSONParseError(reason: .unexpectedEnd, offset: end) }
            guard bytes[position] == expected[offset] else { throw unexpected(at: position) }
        }
        index += count
    }

    // MARK: - Strings

    /// Parses a string whose opening quote is at `index`.
    private mutating func parseString() throws(JSONParseError) -> String {
        let start = index + 1
        let base = bytes.baseAddress.unsafelyUnwrapped
        var position = start
        while true {
            while position + 8 <= end, !ASCIIWord.endsPlainString(ASCIIWord.load(base + position)) {
                position += 8
            }
            guard position < end else { break }
            let byte = bytes[position]
            if byte == Byte.quote {
                index = position + 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            }
            if byte == Byte.backslash {
                return try parseEscapedString(start: start, firstEscape: position)
            }
            if byte < 0x20 {
                throw JSONParseError(reason: .controlCharacterInString, offset: position)
            }
            if byte < 0x80 {
                position += 1
            } else {
                position += try validUTF8SequenceLength(at: position)
            }
        }
        throw JSONParseError(reason: .unexpectedEnd, offset: end)
    }

    /// Finishes a string that has escapes: `start` is its first content byte, `firstEscape` its first backslash.
    private mutating func parseEscapedString(start: Int, firstEscape: Int) throws(JSONParseError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<firstEscape]))
        var position = firstEscape
        while position < end {
            let byte = bytes[position]
            if byte == Byte.quote {
                index = position + 1
                decodedIntoScratch = true
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte == Byte.backslash {
                position = try decodeEscape(at: position)
            } else if byte < 0x20 {
                throw JSONParseError(reason: .controlCharacterInString, offset: position)
            } else if byte < 0x80 {
                scratch.append(byte)
                position += 1
            } else {
                let length = try validUTF8SequenceLength(at: position)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<position + length]))
                position += length
            }
        }
        throw JSONParseError(reason: .unexpectedEnd, offset: end)
    }

    /// Decodes the escape whose backslash is at `position` into `scratch`, returning the position after it.
    private mutating func decodeEscape(at position: Int) throws(JSONParseError) -> Int {
        guard position + 1 < end else { throw JSONParseError(reason: .unexpectedEnd, offset: end) }
        let decoded: UInt8
        switch bytes[position + 1] {
        case Byte.quote: decoded = Byte.quote
        case Byte.backslash: decoded = Byte.backslash
        case Byte.slash: decoded = Byte.slash
        case Byte.letterB: decoded = 0x08
        case Byte.letterF: decoded = 0x0C
        case Byte.letterN: decoded = 0x0A
        case Byte.letterR: decoded = 0x0D
        case Byte.letterT: decoded = 0x09
        case Byte.letterU: return try decodeUnicodeEscape(at: position)
        default: throw JSONParseError(reason: .invalidEscape, offset: position)
        }
        scratch.append(decoded)
        return position + 2
    }

    /// Decodes `\uXXXX` (or a `\uXXXX\uXXXX` surrogate pair) starting at `position` into `scratch`.
    private mutating func decodeUnicodeEscape(at position: Int) throws(JSONParseError) -> Int {
        let first = try hexQuad(at: position + 2, escapeAt: position)
        var scalar: UInt32
        var next = position + 6
        switch first {
        case 0xD800...0xDBFF:
            // A high surrogate must be followed at once by a `\u` escape of a low surrogate.
            guard next < end else { throw JSONParseError(reason: .unexpectedEnd, offset: end) }
            guard bytes[next] == Byte.backslash else {
                throw JSONParseError(reason: .invalidUnicodeEscape, offset: position)
            }
            guard next + 1 < end else { throw JSONParseError(reason: .unexpectedEnd, offset: end) }
            guard bytes[next + 1] == Byte.letterU else {
                throw JSONParseError(reason: .invalidUnicodeEscape, offset: position)
            }
            let second = try hexQuad(at: next + 2, escapeAt: next)
            guard (0xDC00...0xDFFF).contains(second) else {
                throw JSONParseError(reason: .invalidUnicodeEscape, offset: position)
            }
            scalar = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            next += 6
        case 0xDC00...0xDFFF:
            throw JSONParseError(reason: .invalidUnicodeEscape, offset: position)
        default:
            scalar = first
        }
        appendUTF8(scalar)
        return next
    }

    /// Reads four hex digits at `position`; a bad digit is reported at the escape's backslash.
    private func hexQuad(at position: Int, escapeAt escape: Int) throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard position + offset < end else { throw JSONParseError(reason: .unexpectedEnd, offset: end) }
            let byte = bytes[position + offset]
            let digit: UInt8
            switch byte {
            case Byte.zero...Byte.nine: digit = byte &- Byte.zero
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte &- UInt8(ascii: "a") &+ 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte &- UInt8(ascii: "A") &+ 10
            default: throw JSONParseError(reason: .invalidUnicodeEscape, offset: escape)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(truncatingIfNeeded: scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(truncatingIfNeeded: 0xC0 | scalar >> 6))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(truncatingIfNeeded: 0xE0 | scalar >> 12))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(truncatingIfNeeded: 0xF0 | scalar >> 18))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
        }
    }

    // MARK: - Numbers

    /// Parses a number starting at `index` (a `-` or a digit); every grammar error is reported at its first byte.
    private mutating func parseNumber() throws(JSONParseError) -> Double {
        let start = index
        var position = index
        let negative = bytes[position] == Byte.minus
        if negative { position += 1 }

        var mantissa: UInt64 = 0
        var significantDigits = 0
        var fractionDigits = 0

        guard position < end, isDigit(bytes[position]) else {
            throw JSONParseError(reason: .invalidNumber, offset: start)
        }
        if bytes[position] == Byte.zero {
            position += 1
            if position < end, isDigit(bytes[position]) {
                throw JSONParseError(reason: .invalidNumber, offset: start)
            }
        } else {
            while position < end, isDigit(bytes[position]) {
                accumulate(bytes[position], into: &mantissa, significantDigits: &significantDigits)
                position += 1
            }
        }

        if position < end, bytes[position] == Byte.dot {
            position += 1
            guard position < end, isDigit(bytes[position]) else {
                throw JSONParseError(reason: .invalidNumber, offset: start)
            }
            while position < end, isDigit(bytes[position]) {
                accumulate(bytes[position], into: &mantissa, significantDigits: &significantDigits)
                fractionDigits += 1
                position += 1
            }
        }

        var exponent = 0
        if position < end, bytes[position] | 0x20 == Byte.letterE {
            position += 1
            var negativeExponent = false
            if position < end, bytes[position] == Byte.minus || bytes[position] == Byte.plus {
                negativeExponent = bytes[position] == Byte.minus
                position += 1
            }
            guard position < end, isDigit(bytes[position]) else {
                throw JSONParseError(reason: .invalidNumber, offset: start)
            }
            while position < end, isDigit(bytes[position]) {
                if exponent < 1_000_000 {
                    exponent = exponent * 10 + Int(bytes[position] &- Byte.zero)
                }
                position += 1
            }
            if negativeExponent { exponent = -exponent }
        }
        index = position

        // Exact fast path: both the mantissa and the power of ten are exact doubles, so one IEEE operation
        // rounds correctly.
        if significantDigits <= 19 {
            if mantissa == 0 { return negative ? -0.0 : 0.0 }
            let decimalExponent = exponent - fractionDigits
            if mantissa <= 1 << 53, decimalExponent >= -22, decimalExponent <= 22 {
                var value = Double(mantissa)
                if decimalExponent < 0 {
                    value /= exactPowersOfTen[-decimalExponent]
                } else {
                    value *= exactPowersOfTen[decimalExponent]
                }
                return negative ? -value : value
            }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw JSONParseError(reason: .invalidNumber, offset: start)
        }
        return value
    }

    private func accumulate(_ byte: UInt8, into mantissa: inout UInt64, significantDigits: inout Int) {
        let digit = UInt64(byte &- Byte.zero)
        if mantissa == 0 && digit == 0 { return }
        significantDigits += 1
        if significantDigits <= 19 {
            mantissa = mantissa &* 10 &+ digit
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- Byte.zero < 10
    }

    // MARK: - Whitespace, UTF-8 and errors

    private mutating func skipWhitespace() {
        while index < end {
            switch bytes[index] {
            case Byte.space, Byte.newline, Byte.carriageReturn, Byte.tab:
                index += 1
            default:
                return
            }
        }
    }

    /// The error for a byte that cannot appear at `position`: `.invalidUTF8` when it starts a malformed sequence.
    private func unexpected(at position: Int) -> JSONParseError {
        invalidUTF8Error(at: position) ?? JSONParseError(reason: .unexpectedByte(bytes[position]), offset: position)
    }

    private func invalidUTF8Error(at position: Int) -> JSONParseError? {
        guard bytes[position] >= 0x80, utf8SequenceLength(at: position) == nil else { return nil }
        return JSONParseError(reason: .invalidUTF8, offset: position)
    }

    private func validUTF8SequenceLength(at position: Int) throws(JSONParseError) -> Int {
        guard let length = utf8SequenceLength(at: position) else {
            throw JSONParseError(reason: .invalidUTF8, offset: position)
        }
        return length
    }

    /// The length of the well-formed multi-byte UTF-8 sequence at `position` (RFC 3629 table), or `nil`.
    private func utf8SequenceLength(at position: Int) -> Int? {
        let lead = bytes[position]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF:
            length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF:
            length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3:
            length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default:
            return nil
        }
        guard position + length <= end else { return nil }
        let second = bytes[position + 1]
        guard second >= low && second <= high else { return nil }
        for offset in 2..<length where bytes[position + offset] & 0xC0 != 0x80 {
            return nil
        }
        return length
    }
}

/// Powers of ten that are exact in a `Double`.
private let exactPowersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]
