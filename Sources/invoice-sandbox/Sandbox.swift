import Dispatch
import Foundation
import InvoiceAPI
import InvoiceDomain
import Logging
import SandboxHTTP

/// glibc's `malloc_trim` (declared in `<malloc.h>`, which the Glibc module does not export): returns the
/// free pages left behind by seed loading to the system.
@_silgen_name("malloc_trim")
private func mallocTrim(_ pad: Int) -> Int32

/// Loads the seed data, serves until SIGINT or SIGTERM, and exits cleanly.
struct Sandbox {
    let settings: SandboxSettings
    let logger: Logger

    func run() throws {
        let (store, tokens) = try loadSeed()
        _ = mallocTrim(0)
        let logger = logger
        let api = SandboxAPI(
            store: store, tokens: tokens,
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
            + "(\(tokens.count) tokens, \(counts.invoices) invoices, \(counts.schedules) schedules, "
            + "\(settings.threads) threads)\n"
        FileHandle.standardOutput.write(Data(banner.utf8))
        try server.run()
        for source in signals { source.cancel() }
        logger.info("stopped")
    }

    /// The store and tokens from the seed folder; the seed's own arrays are gone when this returns, and the
    /// memory of their parsing is handed back to the system.
    private func loadSeed() throws -> (InvoiceStore, [AccessToken]) {
        do {
            let seed = try SeedData.load(directory: settings.seedData)
            let store = try InvoiceStore(storedInvoices: seed.invoices, schedules: seed.schedules)
            return (store, seed.tokens)
        } catch {
            throw StartupFailure("cannot load seed data from \(settings.seedData): \(error)")
        }
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
