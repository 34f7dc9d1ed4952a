import Foundation
import InvoiceAPI
import InvoiceDomain
import SandboxHTTP

/// An HTTP server on 127.0.0.1, port 0, serving on a background thread until `stop()`.
public final class RunningServer: Sendable {
    /// The port it got.
    public let port: Int
    private let server: HTTPServer
    private let finished = DispatchSemaphore(value: 0)

    /// Starts a server with the responder; returns once it listens.
    public init(responder: any HTTPResponder, maxBodyBytes: Int = 1 << 20, eventLoops: Int = 2) throws {
        server = HTTPServer(
            configuration: .init(host: "127.0.0.1", port: 0, maxBodyBytes: maxBodyBytes, eventLoops: eventLoops),
            responder: responder)
        port = try server.start()
        let server = server
        let finished = finished
        let thread = Thread {
            try? server.run()
            finished.signal()
        }
        thread.start()
    }

    /// Stops the server and waits for its loop to return.
    public func stop() {
        server.shutdown()
        finished.wait()
    }

    /// Opens a new connection to it.
    public func connect() throws -> RawHTTPClient {
        try RawHTTPClient(port: port)
    }
}

/// The folder of the shipped seed data and of the shared specification, found from this file's location.
public enum RepositoryPaths {
    /// The repository root.
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// `seed-data/`.
    public static var seedData: String { root + "/seed-data" }

    /// `../shared/spec/`, beside the repository.
    public static var sharedSpec: String { root + "/../shared/spec" }
}
