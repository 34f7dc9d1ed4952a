import CLibevent

#if canImport(Glibc)
    import Glibc
#endif

/// One libevent `event_base` with its `evhttp`.
///
/// Invariant that makes `@unchecked Sendable` sound: `base` and `http` are used only by the thread that
/// calls `run()` (or, before that, the thread that binds), except `event_base_loopexit`, which libevent
/// makes thread-safe once `evthread_use_pthreads` has run.
final class EventLoop: @unchecked Sendable {
    private let base: OpaquePointer
    private let http: OpaquePointer
    private let dispatcher: RequestDispatcher

    init(dispatcher: RequestDispatcher, configuration: HTTPServer.Configuration) throws(HTTPServerError) {
        guard let base = event_base_new() else { throw .libeventSetupFailed }
        guard let http = evhttp_new(base) else {
            event_base_free(base)
            throw .libeventSetupFailed
        }
        self.base = base
        self.http = http
        self.dispatcher = dispatcher

        let allMethods = HTTPMethod.allCases.reduce(UInt16(0)) { $0 | UInt16($1.libeventType.rawValue) }
        evhttp_set_allowed_methods(http, allMethods)
        evhttp_set_default_content_type(http, "application/json; charset=utf-8")
        evhttp_set_max_body_size(http, configuration.maxBodyBytes)
        evhttp_set_max_headers_size(http, configuration.maxHeaderBytes)
        // Read and discard an oversized body so the client sees the 413 instead of a reset.
        _ = evhttp_set_flags(http, EVHTTP_SERVER_LINGERING_CLOSE)
        evhttp_set_gencb(http, eventLoopHandleRequest, Unmanaged.passUnretained(dispatcher).toOpaque())
        UnreadableRequestRegistry.register(http: http, dispatcher: dispatcher)
    }

    deinit {
        UnreadableRequestRegistry.unregister(http: http)
        evhttp_free(http)
        event_base_free(base)
    }

    /// Binds a listener to the address and returns the bound port; `sharingPort` sets `SO_REUSEPORT`.
    func bind(host: String, port: Int, sharingPort: Bool) throws(HTTPServerError) -> Int {
        guard (0...65535).contains(port) else {
            throw .bindFailed(host: host, port: port, reason: "port out of range")
        }
        let addresses = try Self.resolve(host: host, port: port)
        defer { freeaddrinfo(addresses) }
        let first = addresses

        var flags = UInt32(LEV_OPT_CLOSE_ON_FREE | LEV_OPT_CLOSE_ON_EXEC | LEV_OPT_REUSEABLE)
        if sharingPort {
            flags |= UInt32(LEV_OPT_REUSEABLE_PORT)
        }
        guard
            let listener = evconnlistener_new_bind(
                base, nil, nil, flags, 1024, first.pointee.ai_addr, Int32(first.pointee.ai_addrlen))
        else {
            throw .bindFailed(host: host, port: port, reason: String(cString: strerror(errno)))
        }
        guard evhttp_bind_listener(http, listener) != nil else {
            evconnlistener_free(listener)
            throw .bindFailed(host: host, port: port, reason: "evhttp_bind_listener failed")
        }
        return Self.localPort(of: evconnlistener_get_fd(listener)) ?? port
    }

    /// Throws `bindFailed` when a plain bind to the address fails, e.g. because another process listens there.
    static func checkPortIsFree(host: String, port: Int) throws(HTTPServerError) {
        let address = try resolve(host: host, port: port)
        defer { freeaddrinfo(address) }
        let probe = socket(address.pointee.ai_family, Int32(SOCK_STREAM.rawValue), 0)
        guard probe >= 0 else { throw .bindFailed(host: host, port: port, reason: String(cString: strerror(errno))) }
        defer { close(probe) }
        var yes: Int32 = 1
        setsockopt(probe, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard Glibc.bind(probe, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 else {
            throw .bindFailed(host: host, port: port, reason: String(cString: strerror(errno)))
        }
    }

    func run() {
        event_base_dispatch(base)
    }

    /// The passive TCP addresses of host and port; the caller frees them with `freeaddrinfo`.
    private static func resolve(host: String, port: Int) throws(HTTPServerError) -> UnsafeMutablePointer<addrinfo> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var results: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &results) == 0, let results else {
            throw .unresolvableHost(host)
        }
        return results
    }

    func stop() {
        event_base_loopexit(base, nil)
    }

    private static func localPort(of socket: Int32) -> Int? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        guard status == 0 else { return nil }
        switch Int32(storage.ss_family) {
        case AF_INET:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
            }
        case AF_INET6:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                    Int(UInt16(bigEndian: $0.pointee.sin6_port))
                }
            }
        default:
            return nil
        }
    }
}

/// evhttp's generic callback: every request that was read completely arrives here.
private func eventLoopHandleRequest(
    _ request: UnsafeMutablePointer<evhttp_request>?, _ context: UnsafeMutableRawPointer?
) {
    guard let request, let context else { return }
    let dispatcher = Unmanaged<RequestDispatcher>.fromOpaque(context).takeUnretainedValue()
    let response: HTTPResponse
    if let parsed = LibeventRequest.read(request) {
        response = dispatcher.responder.respond(to: parsed)
    } else {
        response = dispatcher.responder.respond(toUnreadable: .malformed)
        LibeventRequest.markConnectionClose(request)
    }
    LibeventRequest.send(response, to: request)
}
