import SandboxTesting
import Synchronization

/// Drives the sandbox with arbitrary bytes and reports every answer it should never give.
///
/// The first byte picks what the rest is (`FuzzMode`): raw HTTP for a live server, request scripts or JSON
/// bodies for the API, JSON text, or seed files. Each input starts from a fresh store over the shipped seed
/// data, so an input that fails fails again on its own. Inputs run one at a time.
public final class FuzzHarness: Sendable {
    private let fixture: FuzzFixture
    private let raw: RawHTTPInputs
    private let serial = Mutex(())

    /// Loads the seed data and starts the live server on 127.0.0.1, port 0.
    public init(seedDirectory: String = RepositoryPaths.seedData) throws {
        fixture = try FuzzFixture(seedDirectory: seedDirectory)
        raw = try RawHTTPInputs(fixture: fixture)
    }

    /// Runs one input and returns the invariants it broke (none when the sandbox handled it correctly).
    ///
    /// A crash is not caught: it stops the process, which is how libFuzzer and the test runner notice it.
    public func check(_ input: [UInt8]) -> [FuzzViolation] {
        guard let selector = input.first else { return [] }
        let mode = FuzzMode(selector: selector)
        let rest = input.dropFirst()
        let problems = serial.withLock { _ in
            switch mode {
            case .rawHTTP: raw.run(Array(rest))
            case .apiRequests: APIInputs(fixture: fixture).runScript(rest)
            case .requestBody: APIInputs(fixture: fixture).runBody(rest)
            case .json: JSONInputs.run(Array(rest))
            case .invoiceRecords: SeedRecordInputs(fixture: fixture).runInvoices(Array(rest))
            case .scheduleRecords: SeedRecordInputs(fixture: fixture).runSchedules(Array(rest))
            }
        }
        return problems.map {
            FuzzViolation(mode: mode, message: $0, knownIssue: KnownIssue.matching($0, mode: mode, input: rest))
        }
    }

    /// Runs one input and stops the process when it breaks an invariant in a way that is not a known issue, so
    /// libFuzzer keeps the input.
    public func run(_ input: [UInt8]) {
        let violations = check(input).filter { $0.knownIssue == nil }
        guard violations.isEmpty else {
            fatalError("the sandbox mishandled a fuzz input:\n" + violations.map(\.description).joined(separator: "\n"))
        }
    }
}
