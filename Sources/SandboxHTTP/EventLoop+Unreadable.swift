import CLibevent

/// Replaces libevent's HTML error page with the responder's JSON answer.
///
/// libevent 2.1 answers a request it cannot read (bad request line or headers, headers over the size
/// limit, body over the limit) by calling `evhttp_send_error`, which writes an HTML page, and offers no
/// hook to intercept it. This module defines its own `evhttp_send_error`; the dynamic linker binds
/// libevent's calls (made through its PLT) to it, so those requests get the responder's answer instead.
@_cdecl("evhttp_send_error")
public func sandboxSendUnreadableRequestError(
    _ request: UnsafeMutablePointer<evhttp_request>?, _ code: Int32, _ reason: UnsafePointer<CChar>?
) {
    guard let request else { return }
    if let loop = EventLoopRegistry.loop(of: request) {
        loop.answerUnreadable(request, code: Int(code))
        return
    }
    LibeventRequest.useHTTP11(request)
    LibeventRequest.markConnectionClose(request)
    LibeventRequest.send(
        HTTPResponse(
            status: Int(code), headers: ["Content-Type": "application/json; charset=utf-8"],
            body: Array("{\"statusCode\":\(code)}".utf8)),
        to: request)
}

extension EventLoop {
    /// Answers, through the responder, a request that evhttp gave up on.
    func answerUnreadable(_ request: UnsafeMutablePointer<evhttp_request>, code: Int) {
        let failure = diagnose(request, code: code)
        recentInputRemoval.forget()
        LibeventRequest.useHTTP11(request)
        answer(request, with: dispatcher.responder.respond(toUnreadable: failure), closing: true)
    }

    /// Why evhttp gave up, from its code and what it left in the request.
    ///
    /// evhttp reports a body over the limit as 413, but headers over the limit as 400, like a malformed
    /// request. It checks the size after each line it reads (adding the line's length to `headers_size`)
    /// and while it waits for the rest of a line (adding what is buffered); a request line that is too
    /// long is refused before it counts, and removed if it arrived whole (see `InputRemoval`).
    private func diagnose(_ request: UnsafeMutablePointer<evhttp_request>, code: Int) -> UnreadableRequest {
        switch code {
        case 413: return .bodyTooLarge(limit: dispatcher.maxBodyBytes)
        case 400: break
        default: return .malformed
        }
        let limit = dispatcher.maxHeaderBytes
        let counted = request.pointee.headers_size
        var buffered = 0
        var removed = 0
        if let connection = evhttp_request_get_connection(request),
            let input = evhttp_connection_get_bufferevent(connection).flatMap({ bufferevent_get_input($0) })
        {
            buffered = evbuffer_get_length(input)
            removed = recentInputRemoval.largest(in: input)
        }
        // evhttp sets the version only once it has parsed the request line.
        let requestLineParsed = request.pointee.major != 0 || request.pointee.minor != 0
        if requestLineParsed {
            return counted > limit || counted + buffered > limit ? .headersTooLarge : .malformed
        }
        if counted > 0 {
            return .malformed
        }
        // No line counted: a request line too long (still arriving, or removed whole) or an empty one.
        // Only its target makes a request line that long.
        return buffered > limit || removed > limit ? .uriTooLong(limit: dispatcher.maxURIBytes) : .malformed
    }
}
