import CLibevent
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// One libevent `event_base` with its `evhttp`, its listeners, and the state its callbacks share.
///
/// Invariant that makes `@unchecked Sendable` sound: the mutable state (the `var`s here and in the
/// extensions) is used only by the thread that runs the loop, or, before `run()`, by the thread that creates
/// and binds it, which hands the loop over through `HTTPServer`'s mutex. Any other thread calls only
/// `stop()`, which uses the listening descriptors (fixed once bound), an atomic flag, and `event_active`,
/// which libevent makes thread-safe once `evthread_use_pthreads` has run.
final class EventLoop: @unchecked Sendable {
    /// This loop's part of the server's configuration, in libevent's units.
    struct Settings {
        /// The most connections this loop keeps open at once.
        var connections: Int
        /// Zero: none (bufferevents read a zero timeout as none).
        var readTimeout: timeval
        /// Zero: none.
        var writeTimeout: timeval
        var shutdownGrace: timeval

        init(_ configuration: HTTPServer.Configuration, connections: Int) {
            self.connections = connections
            self.readTimeout = timeval(delay: configuration.readTimeout)
            self.writeTimeout = timeval(delay: configuration.writeTimeout)
            self.shutdownGrace = timeval(delay: configuration.shutdownGrace)
        }
    }

    /// A listening socket that evhttp accepts from.
    struct Listener {
        let listener: OpaquePointer
        let bound: OpaquePointer
    }

    let base: OpaquePointer
    let http: OpaquePointer
    /// The default `Content-Type`, owned here: evhttp keeps the pointer it is given rather than a copy, and
    /// the temporary C string Swift makes for a literal argument is freed after the call (AddressSanitizer
    /// saw evhttp read it later). Freed in `deinit`, after `evhttp_free`.
    private let defaultContentType: UnsafeMutablePointer<CChar>
    let dispatcher: RequestDispatcher
    let settings: Settings
    /// `settings`' timeouts as libevent common timeouts of this base: every connection has the same ones,
    /// so libevent queues them in order instead of keeping them in its heap. Zero: none.
    let readTimeout: timeval
    let writeTimeout: timeval

    /// Activated by `stop()`, from any thread.
    private(set) var stopEvent: OpaquePointer?
    /// Activated when a connection is accepted, to watch it once evhttp has set it up.
    private(set) var adoptionEvent: OpaquePointer?
    /// Re-enables accepting some time after `accept` failed (e.g. out of descriptors).
    private(set) var acceptRetryEvent: OpaquePointer?
    /// Ends the shutdown grace.
    private(set) var graceEvent: OpaquePointer?
    /// Exits once shutdown has nothing left to send; a timer, so that it runs after the I/O of its round.
    private(set) var idleCheckEvent: OpaquePointer?

    /// The listeners evhttp accepts from; emptied when shutdown frees them.
    var listeners: [Listener] = []
    /// The listening descriptors, written only while binding: `stop()` reads them from any thread.
    private(set) var listeningSockets: [Int32] = []
    private let stopRequested = Atomic<Bool>(false)

    /// Accepted connections not yet closed.
    var openConnections = 0
    /// Bufferevents of connections accepted in this round of callbacks, each with a reference of ours.
    var awaitingAdoption: [OpaquePointer] = []
    var listenersEnabled = true
    var acceptBackingOff = false

    /// Answers waiting for their delay, by identity.
    var heldAnswers: [ObjectIdentifier: HeldAnswer] = [:]
    /// Connections whose answer evhttp is still writing, by address.
    var connectionsWriting: Set<UInt> = []

    /// Shutdown has begun: no listener, every answer closes its connection.
    var draining = false
    /// Shutdown's grace ran out: answers go out at once, whatever their delay.
    var graceOver = false
    /// `deinit` is freeing evhttp, whose connection callbacks must leave the freed listeners alone.
    var tearingDown = false

    /// The latest removal from a connection's input, to tell an overlong request line from an empty one.
    var recentInputRemoval = InputRemoval()

    init(dispatcher: RequestDispatcher, settings: Settings) throws(HTTPServerError) {
        guard let config = event_config_new() else { throw .libeventSetupFailed }
        defer { event_config_free(config) }
        // Held-back answers must not leave early: the default coarse clock may lag a few milliseconds.
        event_config_set_flag(config, Int32(EVENT_BASE_FLAG_PRECISE_TIMER.rawValue))
        guard let base = event_base_new_with_config(config) else { throw .libeventSetupFailed }
        guard let http = evhttp_new(base) else {
            event_base_free(base)
            throw .libeventSetupFailed
        }
        self.base = base
        self.http = http
        self.defaultContentType = strdup("application/json; charset=utf-8")
        self.dispatcher = dispatcher
        self.settings = settings
        self.readTimeout = Self.commonTimeout(settings.readTimeout, on: base)
        self.writeTimeout = Self.commonTimeout(settings.writeTimeout, on: base)

        let allMethods = HTTPMethod.allCases.reduce(UInt16(0)) { $0 | UInt16($1.libeventType.rawValue) }
        evhttp_set_allowed_methods(http, allMethods)
        evhttp_set_default_content_type(http, defaultContentType)
        evhttp_set_max_body_size(http, dispatcher.maxBodyBytes)
        evhttp_set_max_headers_size(http, dispatcher.maxHeaderBytes)
        // Read and discard an oversized body so the client sees the 413 instead of a reset.
        _ = evhttp_set_flags(http, EVHTTP_SERVER_LINGERING_CLOSE)
        // No evhttp_set_timeout: it would give reads and writes one timeout; the bufferevent of each
        // connection gets both (see `EventLoop+Admission.swift`).
        let context = Unmanaged.passUnretained(self).toOpaque()
        evhttp_set_gencb(http, eventLoopHandleRequest, context)
        evhttp_set_bevcb(http, eventLoopNewConnection, context)
        stopEvent = event_new(base, -1, 0, eventLoopStopRequested, context)
        adoptionEvent = event_new(base, -1, 0, eventLoopAdoptConnections, context)
        acceptRetryEvent = event_new(base, -1, 0, eventLoopRetryAccepting, context)
        graceEvent = event_new(base, -1, 0, eventLoopGraceEnded, context)
        idleCheckEvent = event_new(base, -1, 0, eventLoopCheckIdle, context)
        guard stopEvent != nil, adoptionEvent != nil, acceptRetryEvent != nil, graceEvent != nil,
            idleCheckEvent != nil
        else {
            throw .libeventSetupFailed
        }
        EventLoopRegistry.register(http: http, loop: self)
    }

    deinit {
        tearingDown = true
        for answer in heldAnswers.values {
            answer.cancel()
            // evhttp_free frees each connection with its requests; one it let go of is ours to free.
            if evhttp_request_get_connection(answer.request) == nil {
                evhttp_request_free(answer.request)
            }
        }
        heldAnswers = [:]
        for bufferEvent in awaitingAdoption {
            bufferevent_decref(bufferEvent)
        }
        awaitingAdoption = []
        for event in [stopEvent, adoptionEvent, acceptRetryEvent, graceEvent, idleCheckEvent] {
            if let event { event_free(event) }
        }
        EventLoopRegistry.unregister(http: http)
        evhttp_free(http)
        event_base_free(base)
        free(defaultContentType)
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
        guard let bound = evhttp_bind_listener(http, listener) else {
            evconnlistener_free(listener)
            throw .bindFailed(host: host, port: port, reason: "evhttp_bind_listener failed")
        }
        evconnlistener_set_error_cb(listener, eventLoopAcceptFailed)
        listeners.append(Listener(listener: listener, bound: bound))
        let socket = evconnlistener_get_fd(listener)
        listeningSockets.append(socket)
        return Self.localPort(of: socket) ?? port
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

    /// Serves until shutdown has drained the loop.
    func run() {
        event_base_dispatch(base)
    }

    /// Refuses new connections at once and asks the loop to drain; safe from any thread, acts once.
    func stop() {
        guard !stopRequested.exchange(true, ordering: .acquiringAndReleasing) else { return }
        // shutdown(2) on a listening socket makes the kernel refuse new connections (and reset the ones
        // waiting in its backlog) before this returns, from any thread. The descriptor stays open, so
        // libevent's registration of it stays valid until the loop frees the listener itself; closing it
        // here could hand its number to a connection that libevent still thinks is the listener.
        for socket in listeningSockets {
            _ = shutdown(socket, Int32(SHUT_RD))
        }
        if let stopEvent {
            event_active(stopEvent, 0, 0)
        }
    }

    private static func commonTimeout(_ timeout: timeval, on base: OpaquePointer) -> timeval {
        guard timeout.tv_sec != 0 || timeout.tv_usec != 0 else { return timeout }
        var duration = timeout
        return event_base_init_common_timeout(base, &duration)?.pointee ?? timeout
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

extension EventLoop {
    /// The loop behind a callback's context pointer, which is always the loop itself, unretained.
    static func from(_ context: UnsafeMutableRawPointer) -> EventLoop {
        Unmanaged<EventLoop>.fromOpaque(context).takeUnretainedValue()
    }

    /// This loop as a callback context; valid as long as the loop, which outlives its base's callbacks.
    var context: UnsafeMutableRawPointer {
        Unmanaged.passUnretained(self).toOpaque()
    }
}
