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

    /// The open ones: none. (Fixed in SandboxHTTP, inputs kept as `fuzz/regressions/raw-connect-*` and
    /// `raw-http09-*`: answers to CONNECT, and to HTTP/0.x keep-alive requests, without `Content-Length` on a
    /// connection kept open.)
    public static let all: [KnownIssue] = []

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
