import ArgumentParser
import Foundation
import InvoiceAPI
import InvoiceDomain
import Logging
import SandboxHTTP

/// `invoice-sandbox`: serves HighLevel's Invoices API from seed data, in memory.
@main
struct InvoiceSandboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoice-sandbox",
        abstract: "A local emulator of HighLevel's Invoices API (version 2021-07-28).",
        subcommands: [Serve.self, Probe.self],
        defaultSubcommand: Serve.self
    )
}

/// `invoice-sandbox [serve]`: the server.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the Invoices API (the default).",
        discussion: """
            Every option can also come from an environment variable (shown in brackets); a flag on the \
            command line wins over the variable.
            """
    )

    @Option(help: "Address to listen on. [SANDBOX_HOST] (default: 127.0.0.1)")
    var host: String?

    @Option(help: "Port to listen on; 0 picks a free one. [SANDBOX_PORT] (default: 8080)")
    var port: Int?

    @Option(help: "Folder holding tokens.json, invoices.json, schedules.json. [SANDBOX_SEED_DATA] (default: seed-data)")
    var seedData: String?

    @Option(
        name: .customLong("api-version"),
        help:
            "A Version header value to accept; repeat for several. [SANDBOX_API_VERSIONS, comma-separated] (default: 2021-07-28)"
    )
    var apiVersions: [String] = []

    @Option(help: "Largest request body accepted, in bytes. [SANDBOX_MAX_BODY_BYTES] (default: 1048576)")
    var maxBodyBytes: Int?

    @Option(help: "trace, debug, info, notice, warning, error or critical. [SANDBOX_LOG_LEVEL] (default: info)")
    var logLevel: String?

    @Option(help: "Event loops, each on its own thread. [SANDBOX_THREADS] (default: the number of cores)")
    var threads: Int?

    @Option(
        help: "Largest request line plus headers, in bytes (431 beyond). [SANDBOX_MAX_HEADER_BYTES] (default: 65536)")
    var maxHeaderBytes: Int?

    @Option(help: "Most header fields in one request (431 beyond). [SANDBOX_MAX_HEADERS] (default: 100)")
    var maxHeaders: Int?

    @Option(help: "Longest request target, in bytes (414 beyond). [SANDBOX_MAX_URI_BYTES] (default: 8192)")
    var maxURIBytes: Int?

    @Option(help: "Most open connections; more wait to be accepted. [SANDBOX_MAX_CONNECTIONS] (default: 4096)")
    var maxConnections: Int?

    @Option(
        help: "Seconds a connection may stay silent mid-request or idle; 0: never. [SANDBOX_READ_TIMEOUT] (default: 30)"
    )
    var readTimeout: Double?

    @Option(help: "Seconds a client may leave an answer unread; 0: never. [SANDBOX_WRITE_TIMEOUT] (default: 30)")
    var writeTimeout: Double?

    @Flag(help: "Turn the control API (/_sandbox/…) off; only /_sandbox/health answers. [SANDBOX_NO_CONTROL_API=1]")
    var noControlAPI = false

    @Option(help: "Require this token in the X-Sandbox-Token header of control requests. [SANDBOX_CONTROL_TOKEN]")
    var controlToken: String?

    @Option(
        help:
            "Read the state from this file at start (when it exists) and write it there at a clean stop. [SANDBOX_STATE_FILE]"
    )
    var stateFile: String?

    @Option(help: "Requests the journal keeps; 0 keeps none. [SANDBOX_JOURNAL_SIZE] (default: 10000)")
    var journalSize: Int?

    mutating func validate() throws {
        _ = try settings(environment: ProcessInfo.processInfo.environment)
    }

    func run() throws {
        let settings = try settings(environment: ProcessInfo.processInfo.environment)
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardOutput(label: label)
            handler.logLevel = settings.logLevel
            return handler
        }
        let logger = Logger(label: "invoice-sandbox")
        try Sandbox(settings: settings, logger: logger).run()
    }

    /// Flags first, then the environment, then the defaults; invalid values are refused before start.
    func settings(environment: [String: String]) throws -> SandboxSettings {
        let environmentVersions = environment["SANDBOX_API_VERSIONS"].map {
            $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let versions = apiVersions.isEmpty ? (environmentVersions ?? []) : apiVersions
        let settings = SandboxSettings(
            host: host ?? environment["SANDBOX_HOST"] ?? "127.0.0.1",
            port: try port ?? integer(environment, "SANDBOX_PORT") ?? 8080,
            seedData: seedData ?? environment["SANDBOX_SEED_DATA"] ?? "seed-data",
            apiVersions: versions.isEmpty ? [APIConfiguration.documentedVersion] : Set(versions),
            maxBodyBytes: try maxBodyBytes ?? integer(environment, "SANDBOX_MAX_BODY_BYTES") ?? 1 << 20,
            logLevel: try level(logLevel ?? environment["SANDBOX_LOG_LEVEL"] ?? "info"),
            threads: try threads ?? integer(environment, "SANDBOX_THREADS")
                ?? ProcessInfo.processInfo.activeProcessorCount,
            controlAccess: try controlAccess(environment),
            stateFile: stateFile ?? environment["SANDBOX_STATE_FILE"].flatMap { $0.isEmpty ? nil : $0 },
            journalSize: try journalSize ?? integer(environment, "SANDBOX_JOURNAL_SIZE") ?? 10_000,
            maxHeaderBytes: try maxHeaderBytes ?? integer(environment, "SANDBOX_MAX_HEADER_BYTES") ?? 64 << 10,
            maxHeaders: try maxHeaders ?? integer(environment, "SANDBOX_MAX_HEADERS") ?? 100,
            maxURIBytes: try maxURIBytes ?? integer(environment, "SANDBOX_MAX_URI_BYTES") ?? 8 << 10,
            maxConnections: try maxConnections ?? integer(environment, "SANDBOX_MAX_CONNECTIONS") ?? 4096,
            readTimeout: try seconds(readTimeout, environment, "SANDBOX_READ_TIMEOUT", default: 30),
            writeTimeout: try seconds(writeTimeout, environment, "SANDBOX_WRITE_TIMEOUT", default: 30)
        )
        guard (0...65535).contains(settings.port) else {
            throw ValidationError("port must be between 0 and 65535, not \(settings.port)")
        }
        guard (1...256).contains(settings.threads) else {
            throw ValidationError("threads must be between 1 and 256, not \(settings.threads)")
        }
        guard settings.maxBodyBytes > 0 else {
            throw ValidationError("max-body-bytes must be positive, not \(settings.maxBodyBytes)")
        }
        for (name, value) in [
            ("max-header-bytes", settings.maxHeaderBytes), ("max-headers", settings.maxHeaders),
            ("max-uri-bytes", settings.maxURIBytes), ("max-connections", settings.maxConnections),
        ] where value <= 0 {
            throw ValidationError("\(name) must be positive, not \(value)")
        }
        guard settings.maxURIBytes <= settings.maxHeaderBytes else {
            throw ValidationError("max-uri-bytes must not exceed max-header-bytes, which also counts the request line")
        }
        guard (0...1_000_000).contains(settings.journalSize) else {
            throw ValidationError("journal-size must be between 0 and 1000000, not \(settings.journalSize)")
        }
        return settings
    }

    private func seconds(
        _ flag: Double?, _ environment: [String: String], _ name: String, default fallback: Double
    ) throws -> Duration {
        var value = fallback
        if let flag {
            value = flag
        } else if let text = environment[name] {
            guard let parsed = Double(text) else { throw ValidationError("\(name) must be a number, not \(text)") }
            value = parsed
        }
        guard value.isFinite, (0...86_400).contains(value) else {
            throw ValidationError("timeouts must be between 0 and 86400 seconds, not \(value)")
        }
        return .milliseconds(Int((value * 1000).rounded()))
    }

    private func controlAccess(_ environment: [String: String]) throws -> ControlAccess {
        let disabled =
            noControlAPI || ["1", "true", "yes"].contains(environment["SANDBOX_NO_CONTROL_API"]?.lowercased())
        let token = controlToken ?? environment["SANDBOX_CONTROL_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        switch (disabled, token) {
        case (true, .some):
            throw ValidationError("no-control-api and control-token exclude each other")
        case (true, nil):
            return .disabled
        case (false, .some(let token)):
            guard !token.isEmpty, token.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
                throw ValidationError("control-token must be printable ASCII without spaces")
            }
            return .token(token)
        case (false, nil):
            return .open
        }
    }

    private func integer(_ environment: [String: String], _ name: String) throws -> Int? {
        guard let text = environment[name] else { return nil }
        guard let value = Int(text) else { throw ValidationError("\(name) must be a whole number, not \(text)") }
        return value
    }

    private func level(_ text: String) throws -> Logger.Level {
        guard let level = Logger.Level(rawValue: text.lowercased()) else {
            let names = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("log level must be one of \(names), not \(text)")
        }
        return level
    }
}

/// The resolved configuration.
struct SandboxSettings {
    var host: String
    var port: Int
    var seedData: String
    var apiVersions: Set<String>
    var maxBodyBytes: Int
    var logLevel: Logger.Level
    var threads: Int
    var controlAccess: ControlAccess
    var stateFile: String?
    var journalSize: Int
    var maxHeaderBytes: Int
    var maxHeaders: Int
    var maxURIBytes: Int
    var maxConnections: Int
    var readTimeout: Duration
    var writeTimeout: Duration
}

/// `invoice-sandbox probe`: exits 0 when `GET /_sandbox/health` answers 200 (the Docker HEALTHCHECK).
struct Probe: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Exit 0 if a sandbox on the address answers GET /_sandbox/health with 200, 1 otherwise.")

    @Option(help: "Address to probe. [SANDBOX_PROBE_HOST] (default: 127.0.0.1)")
    var host: String?

    @Option(help: "Port to probe. [SANDBOX_PORT] (default: 8080)")
    var port: Int?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let host = host ?? environment["SANDBOX_PROBE_HOST"] ?? "127.0.0.1"
        let port = port ?? environment["SANDBOX_PORT"].flatMap { Int($0) } ?? 8080
        guard let status = HTTPProbe.status(host: host, port: port, path: "/_sandbox/health") else {
            FileHandle.standardError.write(Data("no HTTP answer on \(host):\(port)\n".utf8))
            throw ExitCode.failure
        }
        guard status == 200 else {
            FileHandle.standardError.write(Data("HTTP \(status) from \(host):\(port)/_sandbox/health\n".utf8))
            throw ExitCode.failure
        }
        FileHandle.standardOutput.write(Data("HTTP \(status) from \(host):\(port)/_sandbox/health\n".utf8))
    }
}
