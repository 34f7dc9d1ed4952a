import CLibevent

/// What the request callbacks of every loop need: the responder and the request limits. Immutable, so
/// shared freely.
final class RequestDispatcher: Sendable {
    let responder: any HTTPResponder
    let maxBodyBytes: Int
    let maxHeaderBytes: Int
    let maxHeaderCount: Int
    let maxURIBytes: Int

    init(responder: any HTTPResponder, configuration: HTTPServer.Configuration) {
        self.responder = responder
        self.maxBodyBytes = configuration.maxBodyBytes
        self.maxHeaderBytes = configuration.maxHeaderBytes
        self.maxHeaderCount = configuration.maxHeaderCount
        self.maxURIBytes = configuration.maxURIBytes
    }

    /// The limit a request that libevent read completely still breaks: the target first, as a server
    /// reading in order meets it before the headers (and libevent answers an overlong request line so too).
    func violatedLimit(of request: UnsafeMutablePointer<evhttp_request>) -> UnreadableRequest? {
        if LibeventRequest.targetLength(of: request) > maxURIBytes {
            return .uriTooLong(limit: maxURIBytes)
        }
        if LibeventRequest.headerCount(of: request) > maxHeaderCount {
            return .headersTooLarge
        }
        return nil
    }
}
