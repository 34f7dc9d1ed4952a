/// A request as the transport received it.
public struct HTTPRequest: Sendable {
    /// The method.
    public var method: HTTPMethod
    /// The request target exactly as sent (path and query, not decoded).
    public var target: String
    /// The path, percent-decoded.
    public var path: String
    /// The query's name-value pairs in order, percent-decoded, `+` read as a space.
    public var query: [QueryItem]
    /// The header fields.
    public var headers: HTTPHeaders
    /// The body bytes (empty when there is none).
    public var body: [UInt8]

    /// Creates a request; `target` is split into path and query.
    public init(method: HTTPMethod, target: String, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.method = method
        self.target = target
        let utf8 = target.utf8
        if let mark = utf8.firstIndex(of: UInt8(ascii: "?")) {
            let rawPath = Substring(utf8[..<mark])
            self.path = rawPath.isEmpty ? "/" : PercentDecoding.decodePath(rawPath)
            self.query = PercentDecoding.parseQuery(Substring(utf8[utf8.index(after: mark)...]))
        } else {
            self.path = target.isEmpty ? "/" : PercentDecoding.decodePath(Substring(target))
            self.query = []
        }
        self.headers = headers
        self.body = body
    }

    /// The path as sent, before percent-decoding ("/" when empty): what routes match, as in Express, so
    /// `%2F` inside a segment stays inside it.
    public var rawPath: String {
        let utf8 = target.utf8
        let end = utf8.firstIndex(of: UInt8(ascii: "?")) ?? utf8.endIndex
        return end == utf8.startIndex ? "/" : String(Substring(utf8[..<end]))
    }

    /// Decodes `%XX` escapes of a path segment; an invalid escape is kept as written.
    public static func percentDecoded(_ text: Substring) -> String {
        PercentDecoding.decodePath(text)
    }

    /// Every value of a query parameter, in order.
    public func queryValues(_ name: String) -> [String] {
        query.filter { $0.name == name }.map(\.value)
    }
}

/// One `name=value` pair of a query string.
public struct QueryItem: Sendable, Equatable {
    /// The decoded name.
    public var name: String
    /// The decoded value (empty when the pair had no `=`).
    public var value: String

    /// Creates a query item.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
