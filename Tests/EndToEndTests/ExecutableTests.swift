import Foundation
import SandboxTesting
import Testing

/// Runs the real `invoice-sandbox` binary as a process.
@Suite(.serialized)
struct ExecutableTests {
    static var binary: URL {
        let testBinary =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: testBinary).deletingLastPathComponent()
        // On Linux the test binary sits beside the products; elsewhere inside a bundle.
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("invoice-sandbox").path),
            directory.path != "/"
        {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("invoice-sandbox")
    }

    final class Launched {
        let process = Process()
        let output = Pipe()
        let errors = Pipe()

        init(arguments: [String], environment: [String: String] = [:]) throws {
            process.executableURL = ExecutableTests.binary
            process.arguments = arguments
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            process.currentDirectoryURL = URL(fileURLWithPath: RepositoryPaths.root)
            process.standardOutput = output
            process.standardError = errors
            try process.run()
        }

        /// The first line printed: where it listens.
        func firstLine() -> String {
            var line: [UInt8] = []
            while true {
                let byte = output.fileHandleForReading.readData(ofLength: 1)
                guard let first = byte.first, first != UInt8(ascii: "\n") else { break }
                line.append(first)
            }
            return String(decoding: line, as: UTF8.self)
        }

        func port(from line: String) -> Int? {
            line.split(separator: " ").first { $0.hasPrefix("http://") }
                .flatMap { $0.split(separator: ":").last }.flatMap { Int($0) }
        }

        func waitForExit(seconds: Double = 10) -> Int32? {
            let deadline = Date().addingTimeInterval(seconds)
            while process.isRunning, Date() < deadline {
                usleep(10_000)
            }
            if process.isRunning {
                process.terminate()
                return nil
            }
            return process.terminationStatus
        }

        func remainingOutput() -> String {
            String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }

        func errorOutput() -> String {
            String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func itServesTheShippedSeedAndStopsCleanlyOnASignal(_ signalNumber: Int32) throws {
        let sandbox = try Launched(arguments: ["--port", "0", "--seed-data", "seed-data"])
        let line = sandbox.firstLine()
        #expect(line.hasPrefix("InvoiceSandbox listening on http://127.0.0.1:"))
        let port = try #require(sandbox.port(from: line))
        let client = try RawHTTPClient(port: port)
        let response = try client.request(
            "GET", "/invoices/6578278e879ad2646715ba9c?altId=6578278e879ad2646715ba9c&altType=location",
            headers: [("Authorization", "Bearer pit-sandbox-location-a"), ("Version", "2021-07-28")])
        #expect(response.status == 200)
        kill(sandbox.process.processIdentifier, signalNumber)
        #expect(sandbox.waitForExit() == 0)
        let log = sandbox.remainingOutput()
        #expect(log.contains("GET /invoices/6578278e879ad2646715ba9c 200"))
        #expect(!log.contains("pit-sandbox-location-a"))
    }

    @Test func settingsComeFromTheEnvironment() throws {
        let sandbox = try Launched(
            arguments: [],
            environment: [
                "SANDBOX_PORT": "0", "SANDBOX_SEED_DATA": "seed-data", "SANDBOX_API_VERSIONS": "v3, 2021-07-28",
                "SANDBOX_LOG_LEVEL": "warning",
            ])
        let port = try #require(sandbox.port(from: sandbox.firstLine()))
        let response = try RawHTTPClient(port: port).request(
            "GET", "/invoices/6578278e879ad2646715ba9c?altId=6578278e879ad2646715ba9c&altType=location",
            headers: [("Authorization", "Bearer pit-sandbox-location-a"), ("Version", "v3")])
        #expect(response.status == 200)
        kill(sandbox.process.processIdentifier, SIGTERM)
        #expect(sandbox.waitForExit() == 0)
        #expect(!sandbox.remainingOutput().contains(" 200 "))
    }

    @Test func aBrokenSeedFileStopsTheStartNamingTheFileAndField() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("seed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(#"[{"token":"t","locationIds":["L"]}]"#.utf8).write(
            to: directory.appendingPathComponent("tokens.json"))
        try Data(
            #"[{"_id":"a","altId":"L","name":"n","status":"draft","invoiceItems":[{"name":"x","qty":"2","amount":1}]}]"#
                .utf8
        )
        .write(to: directory.appendingPathComponent("invoices.json"))
        let sandbox = try Launched(arguments: ["--port", "0", "--seed-data", directory.path])
        let status = sandbox.waitForExit()
        #expect(status != 0 && status != nil)
        #expect(sandbox.errorOutput().contains("invoices.json: [0].invoiceItems[0].qty must be a number"))
    }

    @Test(arguments: [["--port", "70000"], ["--max-body-bytes", "0"], ["--log-level", "loud"]])
    func invalidFlagsAreRefusedBeforeStart(_ arguments: [String]) throws {
        let sandbox = try Launched(arguments: arguments)
        let status = sandbox.waitForExit()
        #expect(status != 0 && status != nil)
    }

    @Test func aPortInUseIsReportedAndExitsNonZero() throws {
        let first = try Launched(arguments: ["--port", "0"])
        let port = try #require(first.port(from: first.firstLine()))
        defer {
            kill(first.process.processIdentifier, SIGTERM)
            _ = first.waitForExit()
        }
        let second = try Launched(arguments: ["--port", String(port)])
        let status = second.waitForExit()
        #expect(status != 0 && status != nil)
        #expect(second.errorOutput().contains("cannot listen on 127.0.0.1:\(port)"))
    }
}

extension ExecutableTests {
    @Test func theProbeSucceedsAgainstARunningSandboxAndFailsOtherwise() throws {
        let sandbox = try Launched(arguments: ["--port", "0"])
        let port = try #require(sandbox.port(from: sandbox.firstLine()))
        let probe = try Launched(arguments: ["probe", "--port", String(port)])
        #expect(probe.waitForExit() == 0)
        kill(sandbox.process.processIdentifier, SIGTERM)
        #expect(sandbox.waitForExit() == 0)
        let after = try Launched(arguments: ["probe", "--port", String(port)])
        #expect(after.waitForExit() == 1)
    }

    @Test func aPathCannotForgeAccessLogLines() throws {
        let sandbox = try Launched(arguments: ["--port", "0"])
        let port = try #require(sandbox.port(from: sandbox.firstLine()))
        _ = try RawHTTPClient(port: port).request("GET", "/invoices/x%0Afake%20line?altId=a&altType=location")
        kill(sandbox.process.processIdentifier, SIGTERM)
        #expect(sandbox.waitForExit() == 0)
        let log = sandbox.remainingOutput()
        #expect(log.contains("GET /invoices/x%0Afake%20line 401"))
        #expect(!log.split(separator: "\n").contains { $0.hasPrefix("fake") })
    }

    @Test func serveIsTheDefaultSubcommand() throws {
        let sandbox = try Launched(arguments: ["serve", "--port", "0"])
        #expect(sandbox.firstLine().hasPrefix("InvoiceSandbox listening on"))
        kill(sandbox.process.processIdentifier, SIGTERM)
        #expect(sandbox.waitForExit() == 0)
    }
}
