import SandboxHTTP

/// Checks the headers every HighLevel route requires, in the order the real service does.
public struct Authenticator: Sendable {
    private let tokens: [String: AccessToken]
    private let acceptedVersions: Set<String>

    /// Creates an authenticator over these tokens; a repeated token keeps the last definition.
    public init(tokens: [AccessToken], configuration: APIConfiguration) {
        self.tokens = Dictionary(tokens.map { ($0.token, $0) }, uniquingKeysWith: { _, last in last })
        self.acceptedVersions = configuration.acceptedVersions
    }

    /// Bearer token, then `Version`, then the route's scope (nil: any token); returns the token.
    public func authenticate(_ headers: HTTPHeaders, requiring scope: Scope?) throws(APIError) -> AccessToken {
        guard let presented = Self.bearerToken(headers["Authorization"]), let token = tokens[presented] else {
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
        let trimmed = value.trimmingASCIIWhitespace()
        guard trimmed.utf8.count > 7, trimmed.prefix(7).lowercased() == "bearer " else { return nil }
        let token = String(trimmed.dropFirst(7)).trimmingASCIIWhitespace()
        return token.isEmpty ? nil : token
    }
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
