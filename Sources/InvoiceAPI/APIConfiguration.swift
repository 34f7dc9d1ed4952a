/// The settings of the HighLevel routes.
public struct APIConfiguration: Sendable {
    /// The API version the documentation names.
    public static let documentedVersion = "2021-07-28"

    /// `Version` header values that are accepted.
    public var acceptedVersions: Set<String>

    /// Creates a configuration.
    public init(acceptedVersions: Set<String> = [APIConfiguration.documentedVersion]) {
        self.acceptedVersions = acceptedVersions
    }
}
