/// Writes JSON text exactly as JavaScript's JSON.stringify would (no whitespace).
public enum JSONWriter {
    /// Appends the compact JSON text of `value` to `buffer`, writing object members in their stored order.
    public static func write(_ value: JSONValue, into buffer: inout [UInt8]) {
        var output = JSONOutput(capacity: 1024)
        writeValue(value, to: &output)
        output.withBytes { buffer.append(contentsOf: $0) }
    }

    /// Returns the compact JSON text of `value` as UTF-8 bytes.
    public static func bytes(_ value: JSONValue) -> [UInt8] {
        var output = JSONOutput(capacity: 1024)
        writeValue(value, to: &output)
        return output.withBytes { Array($0) }
    }

    /// Returns the compact JSON text of `value`.
    public static func string(_ value: JSONValue) -> String {
        var output = JSONOutput(capacity: 1024)
        writeValue(value, to: &output)
        return output.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Appends `string` quoted and escaped as JSON.stringify does; `/` and non-ASCII are written raw.
    public static func writeString(_ string: String, into buffer: inout [UInt8]) {
        var output = JSONOutput(capacity: string.utf8.count + 16)
        writeString(string, to: &output)
        output.withBytes { buffer.append(contentsOf: $0) }
    }

    static func writeValue(_ value: JSONValue, to output: inout JSONOutput) {
        switch value {
        case .null:
            output.append("null")
        case .bool(let flag):
            output.append(flag ? "true" : "false")
        case .number(let number):
            writeNumber(number, to: &output)
        case .string(let string):
            writeString(string, to: &output)
        case .array(let elements):
            output.append(Byte.openBracket)
            for index in elements.indices {
                if index > 0 { output.append(Byte.comma) }
                writeValue(elements[index], to: &output)
            }
            output.append(Byte.closeBracket)
        case .object(let object):
            output.append(Byte.openBrace)
            let members = object.members
            for index in members.indices {
                if index > 0 { output.append(Byte.comma) }
                writeString(members[index].key, to: &output)
                output.append(Byte.colon)
                writeValue(members[index].value, to: &output)
            }
            output.append(Byte.closeBrace)
        }
    }

    static func writeString(_ string: String, to output: inout JSONOutput) {
        output.append(Byte.quote)
        let written: Void? = string.utf8.withContiguousStorageIfAvailable { utf8 in
            appendEscaped(utf8, to: &output)
        }
        if written == nil {
            let copy = Array(string.utf8)
            copy.withUnsafeBufferPointer { appendEscaped($0, to: &output) }
        }
        output.append(Byte.quote)
    }

    /// Appends `utf8` with the characters JSON.stringify escapes replaced by their escapes.
    private static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to output: inout JSONOutput) {
        guard let base = utf8.baseAddress else { return }
        let count = utf8.count
        var runStart = 0
        var position = 0
        while position < count {
            if position + 8 <= count, !ASCIIWord.needsEscaping(ASCIIWord.load(base + position)) {
                position += 8
                continue
            }
            let byte = utf8[position]
            position += 1
            guard byte < 0x20 || byte == Byte.quote || byte == Byte.backslash else { continue }
            output.append(UnsafeBufferPointer(rebasing: utf8[runStart..<position - 1]))
            appendEscape(for: byte, to: &output)
            runStart = position
        }
        output.append(UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
    }

    private static func appendEscape(for byte: UInt8, to output: inout JSONOutput) {
        let letter: UInt8
        switch byte {
        case Byte.quote: letter = Byte.quote
        case Byte.backslash: letter = Byte.backslash
        case 0x08: letter = Byte.letterB
        case 0x0C: letter = Byte.letterF
        case 0x0A: letter = Byte.letterN
        case 0x0D: letter = Byte.letterR
        case 0x09: letter = Byte.letterT
        default:
            output.append("\\u00")
            output.append(lowercaseHexDigit(byte >> 4))
            output.append(lowercaseHexDigit(byte & 0x0F))
            return
        }
        output.append(Byte.backslash)
        output.append(letter)
    }

    private static func lowercaseHexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? Byte.zero + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
