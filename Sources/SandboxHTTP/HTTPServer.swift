import CLibevent
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// An HTTP/1.1 server on libevent's evhttp: binds, runs its event loops, answers through a responder.
public final class HTTPServer: Sendable {
    private enum State {
        case idle
        case starting
        case bound([EventLoop])
        case running([EventLoop])
        case stopped
    }

    /// The configuration it was created with.
    public let configuration: Configuration
    private let dispatcher: RequestDispatcher
    private let state = Mutex<State>(.idle)
    private let stopRequested = Atomic<Bool>(false)

    /// Creates a server; nothing is bound until `start()`.
    public init(configuration: Configuration, responder: any HTTPResponder) {
        self.configuration = configuration
        self.dispatcher = RequestDispatcher(responder: responder, configuration: configuration)
        LibeventThreading.enable()
    }

    /// Binds every loop's listening socket and returns the port they share.
    ///
    /// Several loops share the port through `SO_REUSEPORT`, so the kernel spreads connections over them. A
    /// plain bind checks first that no other process listens there, since `SO_REUSEPORT` would otherwise
    /// let a second sandbox of the same user share the port silently.
    @discardableResult
    public func start() throws(HTTPServerError) -> Int {
        try state.withLock { (state: inout State) throws(HTTPServerError) in
            guard case .idle = state else { throw .alreadyStarted }
            state = .starting
        }
        do {
            let count = max(1, configuration.eventLoops)
            let host = configuration.host
            if count > 1, configuration.port != 0 {
                try EventLoop.checkPortIsFree(host: host, port: configuration.port)
            }
            // A client that goes away makes the next write raise SIGPIPE, whose default action ends the
            // process; libevent writes with writev, which has no MSG_NOSIGNAL.
            signal(SIGPIPE, SIG_IGN)
            let settings = EventLoop.Settings(
                configuration, connections: Self.connectionShare(configuration.maxConnections, loops: count))
            var loops: [EventLoop] = []
            var port = configuration.port
            for _ in 0..<count {
                let loop = try EventLoop(dispatcher: dispatcher, settings: settings)
                port = try loop.bind(host: host, port: port, sharingPort: count > 1)
                loops.append(loop)
            }
            state.withLock { [loops] in $0 = .bound(loops) }
            return port
        } catch {
            state.withLock { $0 = .idle }
            throw error
        }
    }

    /// Serves until `shutdown()`: one loop on the calling thread, the others on threads of their own.
    public func run() throws(HTTPServerError) {
        let loops = try state.withLock { (state: inout State) throws(HTTPServerError) -> [EventLoop] in
            guard case .bound(let loops) = state else { throw .notStarted }
            state = .running(loops)
            return loops
        }
        if !stopRequested.load(ordering: .acquiring) {
            let threads = loops.dropFirst().map { loop in
                LoopThread { loop.run() }
            }
            loops[0].run()
            for thread in threads {
                thread.join()
            }
        }
        state.withLock { $0 = .stopped }
    }

    /// Stops the server gracefully; safe to call from any thread, any number of times.
    ///
    /// New connections are refused from the moment it returns. Answers already held back are still sent
    /// when their delay ends, answers to requests still arriving are sent at once with `Connection:
    /// close`, and `run()` returns when no answer is left to send, or after `shutdownGrace`, when every
    /// remaining held-back answer is sent at once (and every connection waiting to be dropped is closed).
    public func shutdown() {
        stopRequested.store(true, ordering: .releasing)
        state.withLock { state in
            switch state {
            case .bound(let loops), .running(let loops):
                for loop in loops {
                    loop.stop()
                }
            case .idle, .starting, .stopped: break
            }
        }
    }
}

extension HTTPServer {
    /// Each loop's share of `maxConnections`, lowered so that the process keeps descriptors for its
    /// listeners, event loops, logs and files.
    static func connectionShare(_ maxConnections: Int, loops: Int) -> Int {
        var limit = rlimit()
        var total = maxConnections
        if getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max {
            total = min(total, Int(clamping: limit.rlim_cur) - 64)
        }
        return max(1, total / max(1, loops))
    }
}

/// Why the server could not start.
public enum HTTPServerError: Error, Equatable, CustomStringConvertible {
    /// libevent could not create its event base or HTTP server.
    case libeventSetupFailed
    /// The host did not resolve to an address.
    case unresolvableHost(String)
    /// Binding or listening failed, with the system's error text.
    case bindFailed(host: String, port: Int, reason: String)
    /// `start()` was called twice.
    case alreadyStarted
    /// `run()` was called before `start()`.
    case notStarted

    /// A sentence for the operator.
    public var description: String {
        switch self {
        case .libeventSetupFailed: "libevent could not create its event loop"
        case .unresolvableHost(let host): "cannot resolve host \(host)"
        case .bindFailed(let host, let port, let reason): "cannot listen on \(host):\(port): \(reason)"
        case .alreadyStarted: "the server was already started"
        case .notStarted: "the server must be started before it runs"
        }
    }
}
