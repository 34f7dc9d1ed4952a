import Dispatch
import Foundation
import InvoiceAPI
import InvoiceDomain
import Logging
import SandboxHTTP

/// Loads the seed data, serves until SIGINT or SIGTERM, and exits cleanly.
struct Sandbox {
    let settings: SandboxSettings
    let logger: Logger

    func run() throws {
        let seed: SeedData
        let store: InvoiceStore
        do {
            seed = try SeedData.load(directory: settings.seedData)
            store = try InvoiceStore(invoices: seed.invoices, schedules: seed.schedules)
        } catch {
            throw StartupFailure("cannot load seed data from \(settings.seedData): \(error)")
        }
        let logger = logger
        let api = SandboxAPI(
            store: store, tokens: seed.tokens,
            configuration: APIConfiguration(acceptedVersions: settings.apiVersions),
            reportInternalError: { logger.error("internal error: \($0)") })
        let server = HTTPServer(
            configuration: .init(
                host: settings.host, port: settings.port, maxBodyBytes: settings.maxBodyBytes,
                eventLoops: settings.threads),
            responder: AccessLog(wrapping: api, logger: logger))

        let port: Int
        do {
            port = try server.start()
        } catch {
            throw StartupFailure(error.description)
        }
        let signals = Self.stopOnSignals([SIGINT, SIGTERM], server: server, logger: logger)
        let counts = store.counts
        let banner =
            "InvoiceSandbox listening on http://\(Self.urlHost(settings.host)):\(port) "
            + "(\(seed.tokens.count) tokens, \(counts.invoices) invoices, \(counts.schedules) schedules, "
            + "\(settings.threads) threads)\n"
        FileHandle.standardOutput.write(Data(banner.utf8))
        try server.run()
        for source in signals { source.cancel() }
        logger.info("stopped")
    }

    /// Ignores SIGPIPE; turns SIGINT and SIGTERM into a clean shutdown.
    private static func stopOnSignals(
        _ numbers: [Int32], server: HTTPServer, logger: Logger
    ) -> [any DispatchSourceSignal] {
        signal(SIGPIPE, SIG_IGN)
        return numbers.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                logger.info("signal \(number) received, stopping")
                server.shutdown()
            }
            source.resume()
            return source
        }
    }

    private static func urlHost(_ host: String) -> String {
        host.contains(":") ? "[\(host)]" : host
    }
}

/// A start-up problem, reported in one line with a non-zero exit.
struct StartupFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
