import SandboxHTTP

/// Checks the headers every HighLevel route requires, in the order the real service does.
public struct Authenticator: Sendable {
    private let acceptedVersions: Set<String>

    /// Creates an authenticator accepting the configuration's API versions.
    public init(configuration: APIConfiguration) {
        self.acceptedVersions = configuration.acceptedVersions
    }

    /// Bearer token, then `Version`, then the route's scope (nil: any token); returns the token.
    public func authenticate(
        _ headers: HTTPHeaders, requiring scope: Scope?, tokens: TokenTable
    ) throws(APIError) -> AccessToken {
        guard let presented = Self.bearerToken(headers["Authorization"]), let token = tokens.token(presented: presented)
        else {
            throw .invalidToken
        }
        guard let version = headers["Version"] else { throw .versionMissing }
        guard acceptedVersions.contains(version.trimmingASCIIWhitespace()) else { throw .versionInvalid }
        if let scope, !token.scopes.contains(scope) { throw .scopeNotAuthorized }
        return token
    }

    /// The token of an `Authorization: Bearer …` value; the scheme is case-insensitive.
    static func bearerToken(_ value: String?) -> String? {
        guard let value else { return nil }
        let bytes = value.utf8
        var index = bytes.startIndex
        while index != bytes.endIndex, bytes[index] == 0x20 || bytes[index] == 0x09 {
            index = bytes.index(after: index)
        }
        for expected in "bearer ".utf8 {
            guard index != bytes.endIndex, bytes[index] | (expected == 0x20 ? 0 : 0x20) == expected else { return nil }
            index = bytes.index(after: index)
        }
        let token = String(Substring(bytes[index...])).trimmingASCIIWhitespace()
        return token.isEmpty ? nil : token
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingASCIIWhitespace() -> String {
        let bytes = utf8
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        guard let first = bytes.first, let last = bytes.last else { return self }
        guard isSpace(first) || isSpace(last) else { return self }
        guard let start = bytes.firstIndex(where: { !isSpace($0) }), let end = bytes.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(Substring(bytes[start...end]))
    }
}
