import CLibevent
import Synchronization

/// An HTTP/1.1 server on libevent's evhttp: binds, runs its event loops, answers through a responder.
public final class HTTPServer: Sendable {
    /// What the server listens on and how much it accepts.
    public struct Configuration: Sendable {
        /// The address to bind: an IPv4 or IPv6 literal or a host name.
        public var host: String
        /// The port; 0 picks a free one.
        public var port: Int
        /// The largest request body accepted, in bytes; a larger one is answered through the responder.
        public var maxBodyBytes: Int
        /// The largest request line plus headers accepted, in bytes.
        public var maxHeaderBytes: Int
        /// How many event loops, each on its own thread, serve connections.
        public var eventLoops: Int

        /// Creates a configuration.
        public init(
            host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = 1 << 20,
            maxHeaderBytes: Int = 64 << 10, eventLoops: Int = 1
        ) {
            self.eventLoops = eventLoops
            self.host = host
            self.port = port
            self.maxBodyBytes = maxBodyBytes
            self.maxHeaderBytes = maxHeaderBytes
        }
    }

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
        self.dispatcher = RequestDispatcher(responder: responder, maxBodyBytes: configuration.maxBodyBytes)
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
            var loops: [EventLoop] = []
            var port = configuration.port
            for _ in 0..<count {
                let loop = try EventLoop(dispatcher: dispatcher, configuration: configuration)
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

    /// Makes `run()` return; safe to call from any thread, any number of times.
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
