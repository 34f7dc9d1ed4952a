import Foundation
import SandboxJSON
import SandboxTesting
import Testing

/// The control API's flags on the real binary: `--state-file`, `--control-token`, `--no-control-api`.
extension ExecutableTests {
    static let fixture =
        #"{"_id":"6b00000000000000000000f1","altId":"6578278e879ad2646715ba9c","name":"Kept","status":"paid","invoiceItems":[{"name":"x","qty":1,"amount":5}]}"#

    @Test func aStateFileKeepsWhatClientsWroteAcrossARestart() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("state-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try Launched(arguments: ["--port", "0", "--state-file", path])
        let port = try #require(first.port(from: first.firstLine()))
        let created = try RawHTTPClient(port: port).request(
            "POST", "/_sandbox/invoices", headers: [("Content-Type", "application/json")],
            body: Array(Self.fixture.utf8))
        #expect(created.status == 201)
        kill(first.process.processIdentifier, SIGTERM)
        #expect(first.waitForExit() == 0)
        #expect(first.remainingOutput().contains("state written to \(path)"))

        let second = try Launched(arguments: ["--port", "0", "--state-file", path])
        let line = second.firstLine()
        #expect(line.contains("13 invoices"))
        let secondPort = try #require(second.port(from: line))
        let client = try RawHTTPClient(port: secondPort)
        let kept = try client.request(
            "GET", "/invoices/6b00000000000000000000f1?altId=6578278e879ad2646715ba9c&altType=location",
            headers: [("Authorization", "Bearer pit-sandbox-location-a"), ("Version", "2021-07-28")])
        #expect(kept.status == 200)
        // The seed stays what a reset restores.
        #expect(try client.request("POST", "/_sandbox/reset").status == 200)
        #expect(try client.request("GET", "/_sandbox/invoices/6b00000000000000000000f1").status == 404)
        kill(second.process.processIdentifier, SIGTERM)
        #expect(second.waitForExit() == 0)
    }

    @Test func aBrokenStateFileStopsTheStart() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("state-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(#"{"tokens":[],"invoices":[{"altId":"x"}],"schedules":[]}"#.utf8).write(to: URL(fileURLWithPath: path))
        let sandbox = try Launched(arguments: ["--port", "0", "--state-file", path])
        let status = sandbox.waitForExit()
        #expect(status != 0 && status != nil)
        #expect(sandbox.errorOutput().contains("invoices[0]._id is required"))
    }

    @Test func aControlTokenFromTheEnvironmentGuardsTheControlAPI() throws {
        let sandbox = try Launched(arguments: ["--port", "0"], environment: ["SANDBOX_CONTROL_TOKEN": "env-secret"])
        let line = sandbox.firstLine()
        #expect(line.contains("control API on with a control token"))
        let port = try #require(sandbox.port(from: line))
        let client = try RawHTTPClient(port: port)
        #expect(
            try client.request(
                "GET", "/_sandbox/requests", headers: [("Authorization", "Bearer pit-sandbox-location-a")]
            )
            .status == 401)
        #expect(
            try client.request("GET", "/_sandbox/requests", headers: [("X-Sandbox-Token", "env-secret")]).status == 200)
        kill(sandbox.process.processIdentifier, SIGTERM)
        #expect(sandbox.waitForExit() == 0)
        #expect(!sandbox.remainingOutput().contains("env-secret"))
    }

    @Test func noControlAPILeavesOnlyHealthAndTheProbeStillWorks() throws {
        let sandbox = try Launched(arguments: ["--port", "0", "--no-control-api"])
        let port = try #require(sandbox.port(from: sandbox.firstLine()))
        let client = try RawHTTPClient(port: port)
        #expect(try client.request("POST", "/_sandbox/reset").status == 404)
        #expect(try client.request("GET", "/_sandbox/health").status == 200)
        let probe = try Launched(arguments: ["probe", "--port", String(port)])
        #expect(probe.waitForExit() == 0)
        #expect(probe.remainingOutput().contains("HTTP 200"))
        kill(sandbox.process.processIdentifier, SIGTERM)
        #expect(sandbox.waitForExit() == 0)
    }

    @Test(arguments: [
        ["--no-control-api", "--control-token", "x"], ["--control-token", "pit-sandbox-location-a"],
        ["--control-token", "has space"], ["--journal-size", "-1"],
    ])
    func contradictoryControlSettingsAreRefused(_ arguments: [String]) throws {
        let sandbox = try Launched(arguments: ["--port", "0"] + arguments)
        let status = sandbox.waitForExit()
        #expect(status != 0 && status != nil)
    }
}
