/// An invariant an input broke: the sandbox answered it in a way it never should.
public struct FuzzViolation: Sendable, Equatable, CustomStringConvertible {
    /// The mode the input ran in.
    public var mode: FuzzMode
    /// What went wrong, with the request and the response where there are some.
    public var message: String
    /// The reported bug this is, when it is one.
    public var knownIssue: KnownIssue?

    /// Creates a violation.
    public init(mode: FuzzMode, message: String, knownIssue: KnownIssue? = nil) {
        self.mode = mode
        self.message = message
        self.knownIssue = knownIssue
    }

    /// `mode: message`, and the known issue it is.
    public var description: String {
        "\(mode): \(message)" + (knownIssue.map { " (known issue \($0))" } ?? "")
    }
}
