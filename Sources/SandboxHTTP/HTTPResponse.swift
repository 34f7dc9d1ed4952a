/// A response for the transport to send.
public struct HTTPResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Header fields to send besides those the transport adds (`Content-Length`, `Date`, `Connection`).
    public var headers: HTTPHeaders
    /// The body bytes.
    public var body: [UInt8]
    /// How long the transport holds the answer back; the event loop serves other connections meanwhile.
    public var delay: Duration = .zero
    /// Whether the connection is closed, after `delay`, without sending anything.
    public var closesWithoutAnswer = false

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response that closes the connection without an answer, after `delay`.
    public static func closeWithoutAnswer(after delay: Duration = .zero) -> HTTPResponse {
        var response = HTTPResponse(status: 0)
        response.delay = delay
        response.closesWithoutAnswer = true
        return response
    }
}
