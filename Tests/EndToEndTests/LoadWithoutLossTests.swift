import SandboxTesting
import Testing

/// Many connections reading, replacing, deleting and cancelling the same few records for a bounded time:
/// every request is answered with a whole record or a documented refusal, no acknowledged write is lost, and
/// the server still answers afterwards.
@Suite(.serialized)
struct LoadWithoutLossTests {
    /// 48 connections on 2 cores, for 2.5 s or 250 requests each, whichever ends first.
    static let plan = LoadPlan(connections: 48, duration: .milliseconds(2500), requestsPerConnection: 250)

    @Test(.timeLimit(.minutes(1)))
    func mixedLoadOnOverlappingRecordsLosesNoWriteAndTearsNoRecord() throws {
        let server = try SandboxServer.start()
        defer { server.stop() }
        let before = try server.connect()
        var originals: [String: [UInt8]] = [:]
        for invoice in LoadPlan.invoices {
            let response = try before.request(
                "GET", SandboxServer.invoicePath(invoice), headers: SandboxServer.headers())
            try #require(response.status == 200)
            originals[invoice] = response.body
        }

        let run = LoadRun.drive(Self.plan, port: server.port, originals: originals)

        // Afterwards, on a new connection: every invoice once more, and every schedule cancelled once more.
        let after = LoadConnection(client: try server.connect(), originals: originals)
        let finalReads = try LoadPlan.invoices.map { try after.send(.get, to: $0) }
        let finalCancels = try LoadPlan.schedules.map { try after.send(.cancel, to: $0.id) }
        let history = LoadHistory(events: run.events + finalReads + finalCancels)
        let problems = history.problems
        print(
            "LoadWithoutLoss: \(Self.plan.connections) connections, \(run.events.count) requests in \(run.elapsed) "
                + "(\(Int(Double(run.events.count) / (run.elapsed / .seconds(1)))) per second); "
                + history.counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))

        #expect(run.connectionFailures == [], "every request must get an answer")
        if !problems.isEmpty {
            Issue.record("\(problems.count) problems, the first 20:\n\(problems.prefix(20).joined(separator: "\n"))")
        }
        for read in finalReads {
            if LoadPlan.deletedDrafts.contains(where: { $0.id == read.target }) {
                #expect(read.outcome == .invoiceNotFound, "a deleted draft stays deleted: \(read.summary)")
            } else if case .generation = read.outcome {
                // One of the load's acknowledged PUTs, and none acknowledged after it: checked with the history.
            } else {
                Issue.record("a kept invoice must end as one of the load's PUTs: \(read.summary)")
            }
        }
        for cancel in finalCancels {
            #expect(cancel.outcome == .alreadyCancelled, "each schedule was cancelled in the load: \(cancel.summary)")
        }
        #expect(run.events.count >= Self.plan.connections * 10, "the load ran: \(run.events.count) requests")
    }
}
