/// The accepted tokens, looked up without comparisons that stop at the first differing byte.
///
/// A token is found by a keyed 256-bit digest of its bytes (SipHash with this process's random seed, over
/// the whole token whatever its content), then confirmed by a comparison that reads every byte. So the time
/// a lookup takes does not tell a caller how long a prefix of a real token it guessed.
public struct TokenTable: Sendable {
    private var tokens: [TokenDigest: AccessToken] = [:]

    /// Creates a table; a repeated token keeps the last definition.
    public init(_ tokens: [AccessToken] = []) {
        for token in tokens {
            self.tokens[TokenDigest(token.token)] = token
        }
    }

    /// The token whose secret is `presented`, if any.
    public func token(presented: String) -> AccessToken? {
        guard let candidate = tokens[TokenDigest(presented)],
            ConstantTime.equals(candidate.token, presented)
        else { return nil }
        return candidate
    }

    /// Adds a token or replaces the one with the same secret; returns whether it replaced one.
    @discardableResult
    public mutating func put(_ token: AccessToken) -> Bool {
        tokens.updateValue(token, forKey: TokenDigest(token.token)) != nil
    }

    /// Removes the token with that secret and returns it.
    @discardableResult
    public mutating func remove(_ secret: String) -> AccessToken? {
        guard token(presented: secret) != nil else { return nil }
        return tokens.removeValue(forKey: TokenDigest(secret))
    }

    /// Every token, sorted by secret.
    public var all: [AccessToken] {
        tokens.values.sorted { $0.token < $1.token }
    }

    /// How many tokens there are.
    public var count: Int { tokens.count }
}

/// Comparisons whose time depends on the lengths of their operands, never on where they differ.
public enum ConstantTime {
    /// Whether `presented` has the same UTF-8 bytes as `secret`, reading every byte of `secret`.
    public static func equals(_ secret: String, _ presented: String) -> Bool {
        let left = Array(secret.utf8)
        let right = Array(presented.utf8)
        var difference = left.count ^ right.count
        for index in left.indices {
            difference |= Int(left[index] ^ (index < right.count ? right[index] : 0))
        }
        return difference == 0
    }
}

/// A keyed 256-bit digest of a token: four SipHash values, each seeded with this process's random key.
struct TokenDigest: Hashable {
    private let words: (UInt64, UInt64, UInt64, UInt64)

    init(_ token: String) {
        let bytes = Array(token.utf8)
        func word(_ lane: UInt8) -> UInt64 {
            var hasher = Hasher()
            hasher.combine(lane)
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
            return UInt64(UInt(bitPattern: hasher.finalize()))
        }
        words = (word(0), word(1), word(2), word(3))
    }

    static func == (lhs: TokenDigest, rhs: TokenDigest) -> Bool {
        let difference =
            (lhs.words.0 ^ rhs.words.0) | (lhs.words.1 ^ rhs.words.1) | (lhs.words.2 ^ rhs.words.2)
            | (lhs.words.3 ^ rhs.words.3)
        return difference == 0
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
    }
}
