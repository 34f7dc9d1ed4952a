import CLibevent

#if canImport(Glibc)
    import Glibc
#endif

/// Moves requests and responses between evhttp's structures and the Swift types.
enum LibeventRequest {
    /// Reads method, target, headers and body; nil when evhttp left the request without a method or target.
    static func read(_ request: UnsafeMutablePointer<evhttp_request>) -> HTTPRequest? {
        guard let method = HTTPMethod(libeventType: evhttp_request_get_command(request)),
            let uri = evhttp_request_get_uri(request)
        else { return nil }

        var headers = HTTPHeaders()
        if let list = evhttp_request_get_input_headers(request) {
            var entry = list.pointee.tqh_first
            while let field = entry {
                if let key = field.pointee.key, let value = field.pointee.value {
                    headers.add(name: String(cString: key), value: String(cString: value))
                }
                entry = field.pointee.next.tqe_next
            }
        }

        var body: [UInt8] = []
        if let buffer = evhttp_request_get_input_buffer(request) {
            let length = evbuffer_get_length(buffer)
            if length > 0 {
                body = [UInt8](unsafeUninitializedCapacity: length) { storage, count in
                    let copied = evbuffer_copyout(buffer, storage.baseAddress, length)
                    count = max(0, copied)
                }
            }
        }
        return HTTPRequest(method: method, target: String(cString: uri), headers: headers, body: body)
    }

    /// The length in bytes of the request target as sent; 0 when evhttp has none.
    static func targetLength(of request: UnsafeMutablePointer<evhttp_request>) -> Int {
        guard let uri = evhttp_request_get_uri(request) else { return 0 }
        return strlen(uri)
    }

    /// How many header fields evhttp stored (a folded continuation line is part of its field).
    static func headerCount(of request: UnsafeMutablePointer<evhttp_request>) -> Int {
        var count = 0
        var entry = evhttp_request_get_input_headers(request)?.pointee.tqh_first
        while let field = entry {
            count += 1
            entry = field.pointee.next.tqe_next
        }
        return count
    }

    /// Writes the response's headers and body and hands it to evhttp.
    /// A HEAD answer carries the GET answer's `Content-Length` but no body (evhttp would send it).
    static func send(_ response: HTTPResponse, to request: UnsafeMutablePointer<evhttp_request>) {
        let isHead = evhttp_request_get_command(request) == EVHTTP_REQ_HEAD
        // evhttp frames an answer to CONNECT as the start of a tunnel: the body without Content-Length, and
        // the connection kept open, so a client cannot tell where it ends. The sandbox never opens tunnels;
        // its answer (a 4xx) is framed like any other.
        if evhttp_request_get_command(request) == EVHTTP_REQ_CONNECT {
            request.pointee.type = EVHTTP_REQ_GET
        }
        // evhttp frames answers (Content-Length, Date) only for HTTP/1.x requests. Any other version gets an
        // HTTP/1.1 answer on a connection that then closes, so its body ends where the connection does.
        if request.pointee.major != 1 {
            useHTTP11(request)
            markConnectionClose(request)
        }
        if let output = evhttp_request_get_output_headers(request) {
            for field in response.headers {
                evhttp_add_header(output, field.name, field.value)
            }
            if isHead {
                evhttp_add_header(output, "Content-Length", String(response.body.count))
            }
        }
        if !isHead, !response.body.isEmpty, let buffer = evhttp_request_get_output_buffer(request) {
            response.body.withUnsafeBytes { bytes in
                _ = evbuffer_add(buffer, bytes.baseAddress, bytes.count)
            }
        }
        evhttp_send_reply(request, Int32(response.status), HTTPStatusPhrase.phrase(for: response.status), nil)
    }

    /// A request line that failed to parse leaves the version at 0.0; answer as HTTP/1.1, not "HTTP/0.0".
    static func useHTTP11(_ request: UnsafeMutablePointer<evhttp_request>) {
        if request.pointee.major != 1 {
            request.pointee.major = 1
            request.pointee.minor = 1
        }
    }

    /// Asks evhttp to close the connection once the response is written.
    static func markConnectionClose(_ request: UnsafeMutablePointer<evhttp_request>) {
        if let output = evhttp_request_get_output_headers(request) {
            evhttp_remove_header(output, "Connection")
            evhttp_add_header(output, "Connection", "close")
        }
    }
}

extension HTTPMethod {
    init?(libeventType: evhttp_cmd_type) {
        guard let method = HTTPMethod.allCases.first(where: { $0.libeventType == libeventType }) else { return nil }
        self = method
    }

    var libeventType: evhttp_cmd_type {
        switch self {
        case .get: EVHTTP_REQ_GET
        case .post: EVHTTP_REQ_POST
        case .head: EVHTTP_REQ_HEAD
        case .put: EVHTTP_REQ_PUT
        case .delete: EVHTTP_REQ_DELETE
        case .options: EVHTTP_REQ_OPTIONS
        case .trace: EVHTTP_REQ_TRACE
        case .connect: EVHTTP_REQ_CONNECT
        case .patch: EVHTTP_REQ_PATCH
        }
    }
}
