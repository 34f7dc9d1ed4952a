import SandboxHTTP

/// A path pattern such as `/invoices/{invoiceId}`: literal segments match case-insensitively, as Express does.
public struct RoutePattern: Sendable, Equatable, CustomStringConvertible {
    enum Segment: Sendable, Equatable {
        case literal([UInt8])
        case parameter(String)
    }

    let segments: [Segment]
    /// The pattern as written.
    public let description: String

    /// Parses a pattern; `{name}` segments are parameters.
    public init(_ pattern: String) {
        description = pattern
        segments = Self.split(pattern).map { part in
            let segment = String(Substring(part))
            if segment.hasPrefix("{"), segment.hasSuffix("}") {
                return .parameter(String(segment.dropFirst().dropLast()))
            }
            return .literal(Array(segment.lowercased().utf8))
        }
    }

    /// The parameters when the already split path matches.
    func match(_ parts: [Substring.UTF8View]) -> PathParameters? {
        guard parts.count == segments.count else { return nil }
        var parameters = PathParameters()
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case .literal(let literal):
                guard Self.equalsIgnoringASCIICase(part, literal) else { return nil }
            case .parameter(let name):
                guard !part.isEmpty else { return nil }
                parameters.append(name: name, value: HTTPRequest.percentDecoded(Substring(part)))
            }
        }
        return parameters
    }

    /// Number of literal segments: more literals is a more specific route.
    var specificity: Int {
        segments.reduce(0) { count, segment in
            if case .literal = segment { return count + 1 }
            return count
        }
    }

    /// Splits on `/`, ignoring the leading slash and one trailing slash (Express's non-strict routing).
    static func split(_ path: String) -> [Substring.UTF8View] {
        let bytes = path.utf8
        var parts: [Substring.UTF8View] = []
        parts.reserveCapacity(4)
        var start = bytes.startIndex
        var index = start
        while index != bytes.endIndex {
            if bytes[index] == UInt8(ascii: "/") {
                parts.append(bytes[start..<index])
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        parts.append(bytes[start..<index])
        if parts.first?.isEmpty == true { parts.removeFirst() }
        if parts.count > 1, parts.last?.isEmpty == true { parts.removeLast() }
        return parts
    }

    private static func equalsIgnoringASCIICase(_ text: Substring.UTF8View, _ lowercased: [UInt8]) -> Bool {
        guard text.count == lowercased.count else { return false }
        return zip(text, lowercased).allSatisfy { byte, expected in
            (byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) == expected
        }
    }
}
