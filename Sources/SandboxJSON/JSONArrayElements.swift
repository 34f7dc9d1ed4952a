extension JSONParser {
    /// The byte ranges of a top-level array's elements, found without building them, so a large file can be
    /// parsed one element at a time (and in parallel). Each range still has to be parsed to be validated; the
    /// scan itself only checks the array's own brackets and commas, strings and nesting.
    public static func arrayElementRanges(_ bytes: [UInt8]) throws(JSONParseError) -> [Range<Int>] {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONParseError) -> [Range<Int>] in
            try scanElements(buffer)
        }
    }

    private static func scanElements(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> [Range<Int>] {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
        var index = 0
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        guard index < bytes.count else { throw JSONParseError(reason: .empty, offset: index) }
        guard bytes[index] == UInt8(ascii: "[") else {
            throw JSONParseError(reason: .unexpectedByte(bytes[index]), offset: index)
        }
        index += 1
        var ranges: [Range<Int>] = []
        var expectingElement = true
        while true {
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else { throw JSONParseError(reason: .unexpectedEnd, offset: index) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "]"), ranges.isEmpty || !expectingElement {
                index += 1
                break
            }
            guard expectingElement else {
                guard byte == UInt8(ascii: ",") else {
                    throw JSONParseError(reason: .unexpectedByte(byte), offset: index)
                }
                index += 1
                expectingElement = true
                continue
            }
            let start = index
            index = try skipValue(bytes, from: index)
            ranges.append(start..<index)
            expectingElement = false
        }
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        guard index == bytes.count else { throw JSONParseError(reason: .trailingData, offset: index) }
        return ranges
    }

    /// The index just past the value starting at `start`: strings are skipped with their escapes, arrays and
    /// objects by depth, anything else up to the next delimiter.
    private static func skipValue(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) throws(JSONParseError) -> Int {
        var index = start
        if bytes[start] != UInt8(ascii: "\""), bytes[start] != UInt8(ascii: "["), bytes[start] != UInt8(ascii: "{") {
            // A number or a literal: up to the next delimiter.
            while index < bytes.count,
                ![UInt8(ascii: ","), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09].contains(bytes[index])
            {
                index += 1
            }
            guard index > start else { throw JSONParseError(reason: .unexpectedByte(bytes[start]), offset: start) }
            return index
        }
        var depth = 0
        repeat {
            guard index < bytes.count else { throw JSONParseError(reason: .unexpectedEnd, offset: index) }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index += 1
                while true {
                    guard index < bytes.count else { throw JSONParseError(reason: .unexpectedEnd, offset: index) }
                    if bytes[index] == UInt8(ascii: "\\") {
                        index += 2
                    } else if bytes[index] == UInt8(ascii: "\"") {
                        index += 1
                        break
                    } else {
                        index += 1
                    }
                }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                index += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                guard depth > 0 else { throw JSONParseError(reason: .unexpectedByte(bytes[index]), offset: index) }
                depth -= 1
                index += 1
            case UInt8(ascii: ","), 0x20, 0x0A, 0x0D, 0x09:
                if depth == 0 { return index }
                index += 1
            default:
                index += 1
            }
        } while depth > 0
        return index
    }
}
