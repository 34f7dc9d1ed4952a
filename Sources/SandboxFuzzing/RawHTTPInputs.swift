import InvoiceAPI
import SandboxTesting

/// `R` inputs: bytes written to a live server, so libevent's parser and the transport see them as they are.
final class RawHTTPInputs: Sendable {
    /// The body limit of the fuzzed server: small, so inputs of a few kilobytes reach the 413 path too.
    static let maxBodyBytes = 8192
    /// A connection that neither answers nor closes within this time fails the input.
    static let timeoutMilliseconds = 5_000
    /// Follows every input, so that its pipelined requests are all answered before the connection closes.
    static let sentinel = LoopbackExchange.Sentinel(
        request: Array("\r\n\r\nGET /fuzz-sentinel HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8),
        answerMarker: Array("Cannot GET /fuzz-sentinel\"".utf8))

    private let fixture: FuzzFixture
    private let responder: SwappableResponder
    private let server: RunningServer
    private let healthCheck: [UInt8]

    init(fixture: FuzzFixture) throws {
        self.fixture = fixture
        responder = SwappableResponder(fixture.freshAPI())
        server = try RunningServer(responder: responder, maxBodyBytes: Self.maxBodyBytes, eventLoops: 1)
        guard let invoice = fixture.seed.invoices.first else { preconditionFailure("the seed has no invoice") }
        healthCheck = Array(
            """
            GET /invoices/\(invoice.id)?altId=\(invoice.locationId)&altType=location HTTP/1.1\r
            Host: 127.0.0.1\r
            Authorization: Bearer \(FuzzFixture.allLocationsToken)\r
            Version: \(FuzzFixture.version)\r
            Connection: close\r
            \r

            """.utf8)
    }

    deinit {
        server.stop()
    }

    /// Every answer must satisfy `ResponseInvariants`; the connection must end within the time limit; and
    /// afterwards the server must still answer a good request on a new connection.
    func run(_ bytes: [UInt8]) -> [String] {
        responder.replace(with: fixture.freshAPI())
        let outcome = LoopbackExchange.exchange(
            port: server.port, bytes: bytes, sentinel: Self.sentinel, timeoutMilliseconds: Self.timeoutMilliseconds)
        var problems = check(outcome)
        problems += fixture.takeInternalErrors().map { "internal error reported: \($0)" }
        // A fresh store again, so the check does not depend on what the input deleted.
        responder.replace(with: fixture.freshAPI())
        let started = ContinuousClock.now
        let health = LoopbackExchange.exchange(
            port: server.port, bytes: healthCheck, timeoutMilliseconds: Self.timeoutMilliseconds)
        let answers = ResponseStream.split(health.received).responses
        if health.ending != .closed || answers.count != 1 || answers.first?.status != 200 {
            problems.append(
                "afterwards a good GET on a new connection got \(answers.map(\.status)), ending \(health.ending) "
                    + "after \(ContinuousClock.now - started): " + ResponseInvariants.excerpt(health.received))
        }
        return problems
    }

    private func check(_ outcome: LoopbackExchange.Outcome) -> [String] {
        var problems: [String] = []
        switch outcome.ending {
        case .closed, .reset: break
        case .timedOut:
            problems.append("the connection was neither answered to the end nor closed within the time limit")
        case .failed(let reason):
            problems.append("the connection failed: \(reason)")
        }
        let split = ResponseStream.split(outcome.received)
        problems += split.framingProblems
        // A reset may drop the end of what the server sent, so only a cleanly closed stream must be whole.
        if let incomplete = split.incompleteEnd, outcome.ending == .closed {
            problems.append(incomplete)
        }
        for response in split.responses {
            problems += ResponseInvariants.problems(
                status: response.status, contentType: response.header("content-type"), body: response.body,
                hasBody: response.hasBody)
        }
        return problems
    }
}
