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

        /// Creates a configuration.
        public init(
            host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = 1 << 20, maxHeaderBytes: Int = 64 << 10
        ) {
            self.host = host
            self.port = port
            self.maxBodyBytes = maxBodyBytes
            self.maxHeaderBytes = maxHeaderBytes
        }
    }

    private enum State {
        case idle
        case starting
        case bound(EventLoop)
        case running(EventLoop)
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

    /// Binds the listening socket and returns the port it got.
    @discardableResult
    public func start() throws(HTTPServerError) -> Int {
        try state.withLock { (state: inout State) throws(HTTPServerError) in
            guard case .idle = state else { throw .alreadyStarted }
            state = .starting
        }
        do {
            let loop = try EventLoop(dispatcher: dispatcher, configuration: configuration)
            let port = try loop.bind(host: configuration.host, port: configuration.port)
            state.withLock { $0 = .bound(loop) }
            return port
        } catch {
            state.withLock { $0 = .idle }
            throw error
        }
    }

    /// Serves on the calling thread until `shutdown()` is called.
    public func run() throws(HTTPServerError) {
        let loop = try state.withLock { (state: inout State) throws(HTTPServerError) -> EventLoop in
            guard case .bound(let loop) = state else { throw .notStarted }
            state = .running(loop)
            return loop
        }
        if !stopRequested.load(ordering: .acquiring) {
            loop.run()
        }
        state.withLock { $0 = .stopped }
    }

    /// Makes `run()` return; safe to call from any thread, any number of times.
    public func shutdown() {
        stopRequested.store(true, ordering: .releasing)
        state.withLock { state in
            switch state {
            case .bound(let loop), .running(let loop): loop.stop()
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
