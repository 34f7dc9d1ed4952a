import Dispatch
import Foundation
import InvoiceAPI
import InvoiceDomain
import SandboxJSON
import SandboxTesting
import Synchronization
import Testing

/// Every control route over a real socket, the atomicity of a reset under traffic, the journal's bound,
/// and injected latency and dropped connections as a client sees them.
@Suite(.serialized)
struct ControlEndToEndTests {
    static let location = SandboxServer.location
    static let draft = "6af34c8c91664e4e3ed780ca"

    static func start(journalCapacity: Int = 10_000, eventLoops: Int = 2, access: ControlAccess = .open) throws
        -> RunningServer
    {
        let seed = try SeedData.load(directory: RepositoryPaths.seedData)
        let store = try InvoiceStore(storedInvoices: seed.invoices, schedules: seed.schedules)
        let api = SandboxAPI(
            store: store, tokens: seed.tokens, baseline: seed, controlAccess: access, journalCapacity: journalCapacity)
        return try RunningServer(responder: api, eventLoops: eventLoops)
    }

    static func body(_ value: JSONValue) -> [UInt8] { JSONWriter.bytes(value) }

    static func invoice(_ id: String, name: String, location: String = location) -> JSONValue {
        [
            "_id": .string(id), "altId": .string(location), "name": .string(name), "status": "draft",
            "invoiceItems": [["name": "Line", "qty": 1, "amount": 10]],
        ]
    }

    struct Step: Sendable, CustomTestStringConvertible {
        let method: String
        let path: String
        var body: JSONValue?
        let status: Int
        var testDescription: String { "\(method) \(path) → \(status)" }
    }

    /// One pass over every control route, in an order where each step's answer is known.
    static let everyRoute: [Step] = [
        Step(method: "GET", path: "/_sandbox/health", status: 200),
        Step(method: "HEAD", path: "/_sandbox/health", status: 200),
        Step(
            method: "POST", path: "/_sandbox/invoices", body: invoice("6b00000000000000000000e1", name: "A"),
            status: 201),
        Step(method: "GET", path: "/_sandbox/invoices?locationId=\(location)", status: 200),
        Step(method: "GET", path: "/_sandbox/invoices/6b00000000000000000000e1", status: 200),
        Step(
            method: "PUT", path: "/_sandbox/invoices/6b00000000000000000000e1",
            body: invoice("6b00000000000000000000e1", name: "B"), status: 200),
        Step(method: "DELETE", path: "/_sandbox/invoices/6b00000000000000000000e1", status: 200),
        Step(
            method: "POST", path: "/_sandbox/schedules",
            body: ["_id": "6b00000000000000000000e2", "altId": .string(location), "name": "S", "status": "active"],
            status: 201),
        Step(method: "GET", path: "/_sandbox/schedules", status: 200),
        Step(method: "GET", path: "/_sandbox/schedules/6b00000000000000000000e2", status: 200),
        Step(
            method: "PUT", path: "/_sandbox/schedules/6b00000000000000000000e2",
            body: ["altId": .string(location), "name": "S2", "status": "active"], status: 200),
        Step(method: "DELETE", path: "/_sandbox/schedules/6b00000000000000000000e2", status: 200),
        Step(
            method: "POST", path: "/_sandbox/tokens", body: ["token": "e2e-token", "locationIds": [.string(location)]],
            status: 201),
        Step(method: "GET", path: "/_sandbox/tokens", status: 200),
        Step(method: "GET", path: "/_sandbox/tokens/e2e-token", status: 200),
        Step(
            method: "PUT", path: "/_sandbox/tokens/e2e-token", body: ["locationIds": [.string(location)]], status: 200),
        Step(method: "DELETE", path: "/_sandbox/tokens/e2e-token", status: 200),
        Step(method: "GET", path: "/_sandbox/state?locationId=\(location)", status: 200),
        Step(
            method: "PUT", path: "/_sandbox/state?locationId=nobody",
            body: ["tokens": [], "invoices": [], "schedules": []], status: 200),
        Step(method: "GET", path: "/_sandbox/requests?method=GET&status=2xx&limit=5", status: 200),
        Step(method: "DELETE", path: "/_sandbox/requests", status: 200),
        Step(method: "POST", path: "/_sandbox/faults", body: ["locationId": "nobody", "drop": true], status: 201),
        Step(method: "GET", path: "/_sandbox/faults", status: 200),
        Step(method: "DELETE", path: "/_sandbox/faults/6b00000000000000000000ff", status: 404),
        Step(method: "DELETE", path: "/_sandbox/faults", status: 200),
        Step(method: "POST", path: "/_sandbox/reset?locationId=\(location)", status: 200),
        Step(method: "POST", path: "/_sandbox/reset", status: 200),
        Step(method: "GET", path: "/_sandbox/unknown", status: 404),
    ]

    @Test func everyControlRouteAnswersJSONOverTheWire() throws {
        let server = try Self.start()
        defer { server.stop() }
        let client = try server.connect()
        for step in Self.everyRoute {
            let response = try client.request(
                step.method, step.path, headers: [("Content-Type", "application/json")], body: step.body.map(Self.body))
            #expect(response.status == step.status, "\(step.testDescription): \(response.text)")
            #expect(response.header("content-type") == Responses.contentType)
            if step.method != "HEAD" {
                #expect((try? JSONParser.parse(response.body)) != nil, "\(step.testDescription)")
            }
        }
    }

    @Test func aControlTokenGuardsTheRoutesOverTheWire() throws {
        let server = try Self.start(access: .token("wire-secret"))
        defer { server.stop() }
        let client = try server.connect()
        #expect(try client.request("POST", "/_sandbox/reset", headers: SandboxServer.headers()).status == 401)
        #expect(
            try client.request("POST", "/_sandbox/reset", headers: [("X-Sandbox-Token", "wire-secret")]).status == 200)
        #expect(try client.request("GET", "/_sandbox/health").status == 200)
    }

    /// While states S1 and S2 replace each other as fast as possible, every list of the location's
    /// invoices is all S1 or all S2, and a HighLevel GET of an invoice both hold always finds it.
    @Test func aStateReplacementIsAtomicUnderConcurrentTraffic() throws {
        let server = try Self.start()
        defer { server.stop() }
        let ids = (1...4).map { String(format: "6b00000000000000000000a%d", $0) }
        func state(_ name: String) -> [UInt8] {
            Self.body([
                "tokens": [["token": "atomic-token", "locationIds": [.string(Self.location)]]],
                "invoices": .array(ids.map { Self.invoice($0, name: name) }), "schedules": [],
            ])
        }
        let states = [state("one"), state("two")]
        let setup = try server.connect()
        #expect(try setup.request("PUT", "/_sandbox/state?locationId=\(Self.location)", body: states[0]).status == 200)

        let stop = Atomic<Bool>(false)
        let problems = Mutex<[String]>([])
        let counts = Mutex<(replacements: Int, lists: Int, gets: Int)>((0, 0, 0))
        Self.onThreads(6) { worker in
            do {
                let client = try server.connect()
                var round = 0
                while !stop.load(ordering: .relaxed) {
                    round += 1
                    switch worker {
                    case 0:
                        let response = try client.request(
                            "PUT", "/_sandbox/state?locationId=\(Self.location)", body: states[round % 2])
                        if response.status != 200 { problems.withLock { $0.append("PUT state \(response.status)") } }
                        counts.withLock { $0.replacements += 1 }
                        if round == 300 { stop.store(true, ordering: .relaxed) }
                    case 1, 2:
                        let response = try client.request("GET", "/_sandbox/invoices?locationId=\(Self.location)")
                        let names = Set(
                            (try JSONParser.parse(response.body)).objectValue?["invoices"]?.arrayValue?
                                .compactMap { $0.objectValue?["name"]?.stringValue } ?? [])
                        if names.count != 1 { problems.withLock { $0.append("mixed list \(names)") } }
                        counts.withLock { $0.lists += 1 }
                    default:
                        let response = try client.request(
                            "GET", SandboxServer.invoicePath(ids[worker % 4]),
                            headers: SandboxServer.headers(token: "atomic-token"))
                        if response.status != 200 {
                            problems.withLock { $0.append("GET \(response.status) \(response.text)") }
                        }
                        counts.withLock { $0.gets += 1 }
                    }
                }
            } catch {
                problems.withLock { $0.append("\(error)") }
                stop.store(true, ordering: .relaxed)
            }
        }
        let found = problems.withLock { $0 }
        #expect(found.isEmpty, "\(found.count) problems, first: \(found.prefix(3))")
        let done = counts.withLock { $0 }
        #expect(done.replacements == 300)
        #expect(done.lists > 0 && done.gets > 0)
        #expect(try setup.request("POST", "/_sandbox/reset").status == 200)
    }

    @Test func theJournalKeepsItsBoundOverTheWire() throws {
        let server = try Self.start(journalCapacity: 5)
        defer { server.stop() }
        let client = try server.connect()
        for _ in 0..<12 {
            _ = try client.request("GET", SandboxServer.invoicePath(), headers: SandboxServer.headers())
        }
        let journal = try JSONParser.parse(try client.request("GET", "/_sandbox/requests").body).objectValue
        #expect(
            journal?["requests"]?.arrayValue?.compactMap { $0.objectValue?["sequence"]?.intValue } == [
                8, 9, 10, 11, 12,
            ])
        #expect(journal?["evicted"] == 7)
        #expect(journal?["capacity"] == 5)
    }

    @Test func injectedLatencyDoesNotHoldUpOtherConnectionsOnTheSameLoop() throws {
        let server = try Self.start(eventLoops: 1)
        defer { server.stop() }
        let control = try server.connect()
        let rule = Self.body(["path": .string("/invoices/\(Self.draft)"), "latencyMs": 600, "times": 1])
        #expect(try control.request("POST", "/_sandbox/faults", body: rule).status == 201)

        let slow = try server.connect()
        let clock = ContinuousClock()
        let started = clock.now
        try slow.send(
            "GET \(SandboxServer.invoicePath(Self.draft)) HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(SandboxServer.token)\r\nVersion: 2021-07-28\r\n\r\n"
        )
        let fast = try server.connect()
        let quick = try fast.request("GET", SandboxServer.invoicePath(), headers: SandboxServer.headers())
        let quickElapsed = clock.now - started
        let delayed = try slow.readResponse()
        let slowElapsed = clock.now - started
        #expect(quick.status == 200)
        #expect(delayed.status == 200)
        #expect(quickElapsed < .milliseconds(400), "the other connection waited \(quickElapsed)")
        #expect(slowElapsed >= .milliseconds(600))
    }

    @Test func aDropRuleClosesTheConnectionWithoutAnyBytes() throws {
        let server = try Self.start()
        defer { server.stop() }
        let control = try server.connect()
        #expect(
            try control.request("POST", "/_sandbox/faults", body: Self.body(["drop": true, "times": 1])).status == 201)
        let victim = try server.connect()
        try victim.send("GET \(SandboxServer.invoicePath()) HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try victim.isClosedByPeer())
        let after = try server.connect().request("GET", SandboxServer.invoicePath(), headers: SandboxServer.headers())
        #expect(after.status == 200)
        let entries = try JSONParser.parse(try control.request("GET", "/_sandbox/requests").body).objectValue?[
            "requests"]
        #expect(entries?.arrayValue?.first?.objectValue?["status"] == .null)
    }

    /// Runs `body` on `count` threads of its own at once (Dispatch would run only as many as there are cores)
    /// and waits for all of them.
    static func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            Thread {
                body(index)
                group.leave()
            }.start()
        }
        group.wait()
    }
}
