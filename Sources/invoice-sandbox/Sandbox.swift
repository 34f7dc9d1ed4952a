import ArgumentParser
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
        let (seed, initial) = try loadSeed()
        let store: InvoiceStore
        do {
            store = try InvoiceStore(storedInvoices: initial.invoices, schedules: initial.schedules)
        } catch {
            throw StartupFailure("cannot load \(settings.stateFile ?? settings.seedData): \(error)")
        }
        let tokens = initial.tokens
        if case .token(let secret) = settings.controlAccess,
            (seed.tokens + tokens).contains(where: { $0.token == secret })
        {
            throw StartupFailure("the control token must differ from every HighLevel token")
        }
        _ = mallocTrim(0)
        let logger = logger
        let api = SandboxAPI(
            store: store, tokens: tokens,
            configuration: APIConfiguration(acceptedVersions: settings.apiVersions), baseline: seed,
            controlAccess: settings.controlAccess, journalCapacity: settings.journalSize,
            reportInternalError: { logger.error("internal error: \($0)") })
        let server = HTTPServer(
            configuration: .init(
                host: settings.host, port: settings.port, maxBodyBytes: settings.maxBodyBytes,
                maxHeaderBytes: settings.maxHeaderBytes, eventLoops: settings.threads,
                maxHeaderCount: settings.maxHeaders, maxURIBytes: settings.maxURIBytes,
                maxConnections: settings.maxConnections, readTimeout: settings.readTimeout,
                writeTimeout: settings.writeTimeout),
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
            + "\(settings.threads) threads, control API \(Self.describe(settings.controlAccess)))\n"
        FileHandle.standardOutput.write(Data(banner.utf8))
        try server.run()
        for source in signals { source.cancel() }
        if let path = settings.stateFile {
            do {
                try StateFile.write(api.sandboxState, to: path)
                logger.info("state written to \(path)")
            } catch {
                logger.error("cannot write the state to \(path): \(error)")
                throw ExitCode.failure
            }
        }
        logger.info("stopped")
    }

    /// The seed (what a reset restores) and the state to start from: the state file's when it exists.
    private func loadSeed() throws -> (seed: SeedData, initial: SeedData) {
        let seed: SeedData
        do {
            seed = try SeedData.load(directory: settings.seedData)
        } catch {
            throw StartupFailure("cannot load seed data from \(settings.seedData): \(error)")
        }
        guard let path = settings.stateFile else { return (seed, seed) }
        do {
            return (seed, try StateFile.read(path: path) ?? seed)
        } catch {
            throw StartupFailure("cannot load the state file: \(error)")
        }
    }

    private static func describe(_ access: ControlAccess) -> String {
        switch access {
        case .disabled: "off"
        case .open: "on"
        case .token: "on with a control token"
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
