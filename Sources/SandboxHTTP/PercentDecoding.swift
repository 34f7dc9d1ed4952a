/// Percent-decoding of paths and query strings.
enum PercentDecoding {
    /// Decodes `%XX` escapes; an invalid escape is kept as written.
    static func decodePath(_ raw: Substring) -> String {
        decode(raw, plusIsSpace: false)
    }

    /// Splits a query string on `&` and decodes each name and value (`+` is a space).
    static func parseQuery(_ raw: Substring) -> [QueryItem] {
        var items: [QueryItem] = []
        let utf8 = raw.utf8
        var start = utf8.startIndex
        while start != utf8.endIndex {
            let end = utf8[start...].firstIndex(of: UInt8(ascii: "&")) ?? utf8.endIndex
            if start != end {
                let pair = utf8[start..<end]
                if let equals = pair.firstIndex(of: UInt8(ascii: "=")) {
                    items.append(
                        QueryItem(
                            name: decode(Substring(pair[..<equals]), plusIsSpace: true),
                            value: decode(Substring(pair[utf8.index(after: equals)...]), plusIsSpace: true)))
                } else {
                    items.append(QueryItem(name: decode(Substring(pair), plusIsSpace: true), value: ""))
                }
            }
            start = end == utf8.endIndex ? end : utf8.index(after: end)
        }
        return items
    }

    static func decode(_ raw: Substring, plusIsSpace: Bool) -> String {
        let bytes = raw.utf8
        guard bytes.contains(where: { $0 == UInt8(ascii: "%") || (plusIsSpace && $0 == UInt8(ascii: "+")) }) else {
            return String(raw)
        }
        let input = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "%"), index + 2 < input.count,
                let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
