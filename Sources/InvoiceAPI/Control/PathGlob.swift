/// A path pattern for fault rules: `*` matches within one segment, `**` matches across segments, and
/// letters compare case-insensitively, as HighLevel's routes do.
public struct PathGlob: Sendable, Equatable, CustomStringConvertible {
    private enum Token: Equatable {
        case byte(UInt8)
        case segmentWildcard
        case anyWildcard
    }

    private let tokens: [Token]
    /// The pattern as written.
    public let description: String

    /// Parses a pattern.
    public init(_ pattern: String) {
        description = pattern
        var tokens: [Token] = []
        let bytes = Array(pattern.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "*") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                    tokens.append(.anyWildcard)
                    index += 2
                } else {
                    tokens.append(.segmentWildcard)
                    index += 1
                }
            } else {
                tokens.append(.byte(Self.lowercased(bytes[index])))
                index += 1
            }
        }
        self.tokens = tokens
    }

    /// Whether the whole path matches; linear in pattern × path length whatever the pattern.
    public func matches(_ path: String) -> Bool {
        let text = path.utf8.map(Self.lowercased)
        // matched[j]: the tokens so far match text[..<j].
        var matched = [Bool](repeating: false, count: text.count + 1)
        matched[0] = true
        for token in tokens {
            var next = [Bool](repeating: false, count: text.count + 1)
            switch token {
            case .byte(let byte):
                for end in 1...max(1, text.count) where end <= text.count && matched[end - 1] && text[end - 1] == byte {
                    next[end] = true
                }
            case .segmentWildcard, .anyWildcard:
                var reachable = false
                for end in 0...text.count {
                    if matched[end] {
                        reachable = true
                    } else if end > 0, token == .segmentWildcard, text[end - 1] == UInt8(ascii: "/") {
                        reachable = false
                    }
                    next[end] = reachable
                }
            }
            matched = next
        }
        return matched[text.count]
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }
}
