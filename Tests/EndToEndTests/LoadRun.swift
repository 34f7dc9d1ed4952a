import Dispatch
import Foundation
import SandboxTesting
import Synchronization

/// Drives a plan over its client connections, each on a thread of its own, all starting together.
enum LoadRun {
    /// Every request sent and answered, the connections that failed, and how long the run took.
    struct Result: Sendable {
        var events: [LoadEvent]
        var connectionFailures: [String]
        var elapsed: Duration
    }

    /// What the threads hand back, guarded because they finish at once.
    private final class Collector: Sendable {
        let events = Mutex<[LoadEvent]>([])
        let failures = Mutex<[String]>([])
    }

    /// Runs the plan against 127.0.0.1:`port`; `originals` are the invoices' GET answers before the load.
    static func drive(_ plan: LoadPlan, port: Int, originals: [String: [UInt8]]) -> Result {
        let collector = Collector()
        let connected = DispatchGroup()
        let finished = DispatchGroup()
        let gate = DispatchSemaphore(value: 0)
        for index in 0..<plan.connections {
            connected.enter()
            finished.enter()
            let thread = Thread {
                defer { finished.leave() }
                let client: RawHTTPClient
                do {
                    client = try RawHTTPClient(port: port)
                } catch {
                    collector.failures.withLock { $0.append("connection \(index): \(error)") }
                    connected.leave()
                    return
                }
                connected.leave()
                gate.wait()
                let events = run(
                    plan, connection: LoadConnection(client: client, originals: originals), index: index,
                    failures: collector)
                collector.events.withLock { $0.append(contentsOf: events) }
            }
            thread.start()
        }
        // Every connection is open before any request is sent, so that all of them overlap from the start.
        connected.wait()
        let began = ContinuousClock.now
        for _ in 0..<plan.connections { gate.signal() }
        // The run is bounded by its duration and each request by the client's 10 s receive timeout.
        if finished.wait(timeout: .now() + .seconds(60)) == .timedOut {
            collector.failures.withLock { $0.append("connections still running after 60 s") }
        }
        return Result(
            events: collector.events.withLock { $0 }, connectionFailures: collector.failures.withLock { $0 },
            elapsed: ContinuousClock.now - began)
    }

    /// One connection's requests until its share of requests is sent or the duration is over.
    private static func run(
        _ plan: LoadPlan, connection: LoadConnection, index: Int, failures: Collector
    ) -> [LoadEvent] {
        var random = LoadRandom(seed: UInt64(index))
        var events: [LoadEvent] = []
        events.reserveCapacity(plan.requestsPerConnection)
        let began = ContinuousClock.now
        for round in 0..<plan.requestsPerConnection {
            let elapsed = ContinuousClock.now - began
            guard elapsed < plan.duration else { break }
            let progress = max(Double(round) / Double(plan.requestsPerConnection), elapsed / plan.duration)
            let (action, target) = plan.nextAction(
                connection: index, round: round, progress: progress, generation: index * 1_000_000 + round + 1,
                using: &random)
            do {
                events.append(try connection.send(action, to: target))
            } catch {
                failures.failures.withLock {
                    $0.append("connection \(index), request \(round) (\(action) \(target)): \(error)")
                }
                break
            }
        }
        return events
    }
}
