import Foundation
import SandboxHTTP
import Synchronization

/// An `HTTPServer` on 127.0.0.1, port 0, with any configuration, running on a thread of its own; it
/// records when `run()` returns.
final class TestServer: Sendable {
    let port: Int
    let server: HTTPServer
    private let runReturned = ReturnTime()
    private let finished = DispatchSemaphore(value: 0)

    init(
        _ responder: any HTTPResponder, configure: (inout HTTPServer.Configuration) -> Void = { _ in }
    ) throws {
        var configuration = HTTPServer.Configuration(host: "127.0.0.1", port: 0)
        configure(&configuration)
        server = HTTPServer(configuration: configuration, responder: responder)
        port = try server.start()
        let server = server
        let runReturned = runReturned
        let finished = finished
        Thread {
            try? server.run()
            runReturned.instant.withLock { $0 = .now }
            finished.signal()
        }.start()
    }

    deinit {
        stop()
    }

    /// Opens a connection.
    func connect() throws -> TestSocket {
        try TestSocket(port: port)
    }

    /// Calls `shutdown()` and returns at once.
    func shutdown() {
        server.shutdown()
    }

    /// When `run()` returned, waiting for it up to the timeout; nil if it is still running.
    func runReturnTime(within timeout: Duration) -> ContinuousClock.Instant? {
        let milliseconds = Int(timeout / .milliseconds(1))
        guard finished.wait(timeout: .now() + .milliseconds(milliseconds)) == .success else { return nil }
        finished.signal()
        return runReturned.instant.withLock { $0 }
    }

    /// Shuts down and waits for `run()` to return.
    func stop() {
        server.shutdown()
        finished.wait()
        finished.signal()
    }
}

/// When `run()` returned; a class, so the server's thread can share it.
private final class ReturnTime: Sendable {
    let instant = Mutex<ContinuousClock.Instant?>(nil)
}

/// Answers by path: `/now`, `/delay/<ms>` (held back), `/drop/<ms>` (closed without an answer),
/// `/big/<bytes>`; names unreadable requests in the body. Signals `arrived` for every request.
struct ScriptedResponder: HTTPResponder {
    let arrived = DispatchSemaphore(value: 0)

    func respond(to request: HTTPRequest) -> HTTPResponse {
        defer { arrived.signal() }
        let parts = request.path.split(separator: "/")
        let number = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        switch parts.first {
        case "delay":
            var response = HTTPResponse(status: 200, body: Array("delayed \(number)".utf8))
            response.delay = .milliseconds(number)
            return response
        case "drop":
            return .closeWithoutAnswer(after: .milliseconds(number))
        case "big":
            return HTTPResponse(status: 200, body: [UInt8](repeating: 120, count: number))
        default:
            return HTTPResponse(status: 200, body: Array("now".utf8))
        }
    }

    func respond(toUnreadable failure: UnreadableRequest) -> HTTPResponse {
        switch failure {
        case .malformed: HTTPResponse(status: 400, body: Array("malformed".utf8))
        case .bodyTooLarge(let limit): HTTPResponse(status: 413, body: Array("body \(limit)".utf8))
        case .headersTooLarge: HTTPResponse(status: 431, body: Array("headers".utf8))
        case .uriTooLong(let limit): HTTPResponse(status: 414, body: Array("uri \(limit)".utf8))
        }
    }

    /// Waits until the responder has seen a request.
    func waitForArrival() -> Bool {
        arrived.wait(timeout: .now() + .seconds(10)) == .success
    }
}
