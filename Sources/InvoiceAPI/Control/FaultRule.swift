import SandboxJSON

/// A fault to inject into matching HighLevel requests: an answer, a delay, a dropped connection or a 429.
public struct FaultRule: Sendable {
    /// What a matching request gets.
    public enum Action: Sendable, Equatable {
        /// The request is processed as usual (after `latency`).
        case none
        /// This status, headers and JSON body instead of the real answer.
        case respond(status: Int, headers: [(name: String, value: String)], body: JSONValue)
        /// HighLevel's 429 with `Retry-After` and its `X-RateLimit-*` headers.
        case rateLimit(RateLimit)
        /// The connection is closed without an answer.
        case drop

        public static func == (lhs: Action, rhs: Action) -> Bool {
            switch (lhs, rhs) {
            case (.none, .none), (.drop, .drop): true
            case (.rateLimit(let left), .rateLimit(let right)): left == right
            case (
                .respond(let status, let headers, let body), .respond(let otherStatus, let otherHeaders, let otherBody)
            ):
                status == otherStatus && body == otherBody
                    && headers.elementsEqual(otherHeaders) { $0.name == $1.name && $0.value == $1.value }
            default: false
            }
        }
    }

    /// The values of a rate-limit answer's headers.
    public struct RateLimit: Sendable, Equatable {
        /// `Retry-After`, in seconds.
        public var retryAfterSeconds: Int = 10
        /// `X-RateLimit-Max`: requests allowed per interval (HighLevel's burst limit is 100 per 10 s).
        public var max: Int = 100
        /// `X-RateLimit-Interval-Milliseconds`.
        public var intervalMilliseconds: Int = 10_000
        /// `X-RateLimit-Limit-Daily`.
        public var dailyLimit: Int = 200_000
        /// `X-RateLimit-Daily-Remaining`.
        public var dailyRemaining: Int = 199_999

        /// The defaults: HighLevel's documented limits, exhausted for the current interval.
        public init() {}
    }

    /// Generated when the rule is registered.
    public var id: String
    /// Only this method; nil matches every method.
    public var method: String?
    /// Only paths matching this; nil matches every path.
    public var path: PathGlob?
    /// Only requests naming this location (`altId` in the query or the body); nil matches any.
    public var locationId: String?
    /// How many more requests it applies to; nil until removed.
    public var remaining: Int?
    /// How long the answer is held back.
    public var latency: Duration
    /// What the request gets.
    public var action: Action
    /// How many requests it has applied to.
    public var matched = 0

    /// Whether it applies to a request.
    func matches(method: String, path: String, locationId: String?) -> Bool {
        if let expected = self.method, expected.uppercased() != method.uppercased() { return false }
        if let expected = self.path, !expected.matches(path) { return false }
        if let expected = self.locationId, expected != locationId { return false }
        return true
    }
}
