/// Eight-bytes-at-a-time checks (SWAR) that let the parser and writer skip over plain ASCII quickly.
///
/// Each check may report a byte that is not special only when an earlier byte of the word truly is (a borrow
/// propagates upward), and never misses one, so callers fall back to byte-by-byte work whenever it returns `true`.
enum ASCIIWord {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Loads eight bytes from `pointer` without alignment requirements.
    static func load(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self)
    }

    /// Whether the word holds a control character (below 0x20), a `"` or a `\`: what JSON.stringify escapes.
    static func needsEscaping(_ word: UInt64) -> Bool {
        (controlBits(word) | equalBits(word, 0x22) | equalBits(word, 0x5C)) != 0
    }

    /// Whether the word holds anything that ends the fast scan of a JSON string: a control character, a `"`,
    /// a `\` or a non-ASCII byte.
    static func endsPlainString(_ word: UInt64) -> Bool {
        (word & highBits | controlBits(word) | equalBits(word, 0x22) | equalBits(word, 0x5C)) != 0
    }

    private static func controlBits(_ word: UInt64) -> UInt64 {
        (word &- ones &* 0x20) & ~word & highBits
    }

    private static func equalBits(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let difference = word ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference & highBits
    }
}
