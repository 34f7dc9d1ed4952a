/// A bearer token the sandbox accepts, the locations it may use and its scopes.
public struct AccessToken: Sendable, Equatable {
    /// The secret as sent after `Bearer `.
    public var token: String
    /// The locations (sub-accounts) it may act on.
    public var locationIds: Set<String>
    /// What it may do.
    public var scopes: Set<Scope>

    /// Creates a token; `scopes` nil means every scope.
    public init(token: String, locationIds: Set<String>, scopes: Set<Scope>? = nil) {
        self.token = token
        self.locationIds = locationIds
        self.scopes = scopes ?? Set(Scope.allCases)
    }
}
