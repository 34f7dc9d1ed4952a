/// An invariant an input broke: the sandbox answered it in a way it never should.
public struct FuzzViolation: Sendable, Equatable, CustomStringConvertible {
    /// The mode the input ran in.
    public var mode: FuzzMode
    /// What went wrong, with the request and the response where there are some.
    public var message: String

    /// Creates a violation.
    public init(mode: FuzzMode, message: String) {
        self.mode = mode
        self.message = message
    }

    /// `mode: message`.
    public var description: String { "\(mode): \(message)" }
}
