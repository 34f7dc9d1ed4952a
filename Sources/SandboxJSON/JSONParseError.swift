/// Why and where JSON text could not be parsed.
public struct JSONParseError: Error, Equatable, CustomStringConvertible {
    /// What was wrong with the input.
    public enum Reason: Equatable, Sendable {
        /// The input was empty or held only whitespace.
        case empty
        /// The input ended before the value was complete.
        case unexpectedEnd
        /// A byte that cannot appear at this point of the grammar.
        case unexpectedByte(UInt8)
        /// The input is not well-formed UTF-8 (the offset is the first byte of the bad sequence).
        case invalidUTF8
        /// A backslash in a string was followed by a character that is not a JSON escape.
        case invalidEscape
        /// A `\u` escape had bad hex digits or encoded a lone surrogate.
        case invalidUnicodeEscape
        /// A raw control character (below U+0020) appeared inside a string.
        case controlCharacterInString
        /// A number did not follow the JSON grammar or does not fit in a `Double`.
        case invalidNumber
        /// Something other than whitespace followed the value.
        case trailingData
        /// Arrays and objects were nested deeper than allowed.
        case tooDeep
    }

    /// What was wrong with the input.
    public let reason: Reason
    /// The byte offset where the problem was found.
    public let offset: Int

    /// Creates an error for a reason found at a byte offset.
    public init(reason: Reason, offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    /// A message in the style of JavaScript's `JSON.parse`, including the byte offset.
    public var description: String {
        let position = "at position \(offset)"
        switch reason {
        case .empty:
            return "Unexpected end of JSON input: no value \(position)"
        case .unexpectedEnd:
            return "Unexpected end of JSON input \(position)"
        case .unexpectedByte(let byte):
            if byte >= 0x21 && byte <= 0x7E {
                return "Unexpected token '\(Character(Unicode.Scalar(byte)))' in JSON \(position)"
            }
            return "Unexpected byte 0x\(Self.hex(byte)) in JSON \(position)"
        case .invalidUTF8:
            return "Invalid UTF-8 in JSON \(position)"
        case .invalidEscape:
            return "Bad escaped character in JSON \(position)"
        case .invalidUnicodeEscape:
            return "Bad Unicode escape in JSON \(position)"
        case .controlCharacterInString:
            return "Bad control character in string literal in JSON \(position)"
        case .invalidNumber:
            return "Invalid number in JSON \(position)"
        case .trailingData:
            return "Unexpected non-whitespace character after JSON \(position)"
        case .tooDeep:
            return "JSON nested too deeply \(position)"
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
