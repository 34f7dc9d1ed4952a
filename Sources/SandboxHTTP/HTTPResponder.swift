/// Turns requests into responses; called on an event-loop thread, so it must not block for long.
public protocol HTTPResponder: Sendable {
    /// Answers a request that was read completely.
    func respond(to request: HTTPRequest) -> HTTPResponse

    /// Answers a request that could not be read; the connection is closed after the answer.
    func respond(toUnreadable failure: UnreadableRequest) -> HTTPResponse
}

/// Why a request could not be read.
public enum UnreadableRequest: Sendable, Equatable {
    /// The request line, a header or the body framing could not be parsed, or the method is unknown.
    case malformed
    /// The declared or received body is larger than the limit, in bytes.
    case bodyTooLarge(limit: Int)
    /// The request line and headers are larger than the limit in bytes, or more numerous than the count limit.
    case headersTooLarge
    /// The request target is longer than the limit, in bytes.
    case uriTooLong(limit: Int)
}
