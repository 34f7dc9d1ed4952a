/// A response for the transport to send.
public struct HTTPResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Header fields to send besides those the transport adds (`Content-Length`, `Date`, `Connection`).
    public var headers: HTTPHeaders
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
