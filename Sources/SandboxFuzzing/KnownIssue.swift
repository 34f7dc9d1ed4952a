/// A bug the fuzzer found in code outside the harness, reported to its owners and not fixed yet.
///
/// Each is recognised narrowly, so that the fuzzer goes on looking for other bugs instead of stopping at the
/// same one; `check` still lists it. `fuzz/open/` holds an input for each, which the tests replay as a known
/// issue and which fails them once the bug is fixed: then the input moves to `fuzz/regressions/` and the
/// entry goes from `all`.
public struct KnownIssue: Sendable, Equatable, CustomStringConvertible {
    /// A short name, as in the report that describes the bug.
    public let name: String
    private let recognises: @Sendable (_ message: String, _ mode: FuzzMode, _ input: ArraySlice<UInt8>) -> Bool

    private init(
        name: String, recognises: @escaping @Sendable (String, FuzzMode, ArraySlice<UInt8>) -> Bool
    ) {
        self.name = name
        self.recognises = recognises
    }

    /// The open ones. (Answers to CONNECT without `Content-Length` on a connection kept open were fixed in
    /// SandboxHTTP; their inputs are `fuzz/regressions/raw-connect-*`.)
    public static let all: [KnownIssue] = [http0KeepAliveAnswerWithoutLength]

    /// SandboxHTTP: a request of version HTTP/0.x with `Connection: keep-alive` is answered with an `HTTP/0.x`
    /// status line and neither `Content-Length` nor `Date` (libevent adds them only for major version 1), yet
    /// the connection stays open, so the next answer on it reads as part of this body.
    static let http0KeepAliveAnswerWithoutLength = KnownIssue(name: "http0-keep-alive-answer-without-length") {
        message, mode, _ in
        mode == .rawHTTP && message.hasPrefix(ResponseStream.unframedBodyFollowed) && message.contains(": HTTP/0.")
    }

    /// The known issue a problem is, if any.
    static func matching(_ message: String, mode: FuzzMode, input: ArraySlice<UInt8>) -> KnownIssue? {
        all.first { $0.recognises(message, mode, input) }
    }

    /// The name.
    public var description: String { name }

    /// Issues are the same when their names are.
    public static func == (lhs: KnownIssue, rhs: KnownIssue) -> Bool {
        lhs.name == rhs.name
    }
}
