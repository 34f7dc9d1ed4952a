import CLibevent
import Synchronization

/// Finds the dispatcher of the evhttp that failed to read a request.
///
/// libevent 2.1 answers a request it cannot parse (bad request line or headers, unknown method, body over
/// the limit) by calling `evhttp_send_error`, which writes an HTML page, and offers no hook to intercept
/// it. This module defines its own `evhttp_send_error` (below); the dynamic linker binds libevent's calls
/// (made through its PLT) to it, so those requests get a JSON answer from the responder instead.
enum UnreadableRequestRegistry {
    private static let dispatchers = Mutex<[UInt: RequestDispatcher]>([:])

    static func register(http: OpaquePointer, dispatcher: RequestDispatcher) {
        dispatchers.withLock { $0[UInt(bitPattern: http)] = dispatcher }
    }

    static func unregister(http: OpaquePointer) {
        _ = dispatchers.withLock { $0.removeValue(forKey: UInt(bitPattern: http)) }
    }

    static func dispatcher(for request: UnsafeMutablePointer<evhttp_request>) -> RequestDispatcher? {
        guard let connection = evhttp_request_get_connection(request),
            let http = evhttp_connection_get_server(connection)
        else { return nil }
        return dispatchers.withLock { $0[UInt(bitPattern: http)] }
    }
}

/// Replaces libevent's HTML error page with the responder's JSON answer; see `UnreadableRequestRegistry`.
@_cdecl("evhttp_send_error")
public func sandboxSendUnreadableRequestError(
    _ request: UnsafeMutablePointer<evhttp_request>?, _ code: Int32, _ reason: UnsafePointer<CChar>?
) {
    guard let request else { return }
    let failure: UnreadableRequest
    let dispatcher = UnreadableRequestRegistry.dispatcher(for: request)
    if code == 413 {
        failure = .bodyTooLarge(limit: dispatcher?.maxBodyBytes ?? 0)
    } else {
        failure = .malformed
    }
    let response =
        dispatcher?.responder.respond(toUnreadable: failure)
        ?? HTTPResponse(
            status: Int(code), headers: ["Content-Type": "application/json; charset=utf-8"],
            body: Array("{\"statusCode\":\(code)}".utf8))
    // A request line that failed to parse leaves the version at 0.0; answer as HTTP/1.1, not "HTTP/0.0".
    if request.pointee.major != 1 {
        request.pointee.major = 1
        request.pointee.minor = 1
    }
    LibeventRequest.markConnectionClose(request)
    LibeventRequest.send(response, to: request)
}
