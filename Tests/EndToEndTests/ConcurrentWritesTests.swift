import Dispatch
import InvoiceAPI
import SandboxJSON
import SandboxTesting
import Synchronization
import Testing

/// Many connections writing and reading one invoice at once: no torn record, no 5xx, no crash.
@Suite(.serialized)
struct ConcurrentWritesTests {
    static let invoice = "6afb16d5080cabcb4680c017"
    static let path = "/invoices/\(invoice)?altId=\(SandboxServer.location)&altType=location"
    static let headers = SandboxServer.headers() + [("Content-Type", "application/json")]

    /// A write whose name and only line agree: name `w<amount>`, one line of qty 1 × amount, no tax.
    static func write(_ amount: Int) -> [UInt8] {
        JSONWriter.bytes([
            "altId": .string(SandboxServer.location), "altType": "location", "name": .string("w\(amount)"),
            "currency": "USD", "issueDate": "2024-03-01", "dueDate": "2024-03-31",
            "invoiceItems": [
                ["name": .string("line \(amount)"), "currency": "USD", "amount": .number(Double(amount)), "qty": 1]
            ],
        ])
    }

    /// A record is whole when its name, its line and its total all come from the same write.
    static func isWhole(_ body: JSONObject) -> Bool {
        guard case .string(let name)? = body["name"], let amount = Int(name.dropFirst()),
            case .number(let total)? = body["total"]
        else { return false }
        return body["invoiceItems"]?[0]?["name"] == .string("line \(amount)") && total == Double(amount)
    }

    @Test func simultaneousPutsAndGetsNeverSeeATornRecord() throws {
        let server = try SandboxServer.start()
        defer { server.stop() }
        let problems = Mutex<[String]>([])
        let written = Mutex<Set<Int>>([])
        DispatchQueue.concurrentPerform(iterations: 16) { worker in
            do {
                let client = try server.connect()
                for round in 0..<40 {
                    if worker.isMultiple(of: 2) {
                        let amount = worker * 1000 + round + 1
                        let response = try client.request(
                            "PUT", "/invoices/\(Self.invoice)", headers: Self.headers, body: Self.write(amount))
                        if response.status != 200 { problems.withLock { $0.append("PUT \(response.status)") } }
                        written.withLock { _ = $0.insert(amount) }
                    } else {
                        let response = try client.request("GET", Self.path, headers: SandboxServer.headers())
                        let body = try JSONParser.parse(response.body).objectValue ?? JSONObject()
                        let original = body["name"] == "Accessibility Audit - Booking Page"
                        if response.status != 200 || !(original || Self.isWhole(body)) {
                            problems.withLock { $0.append("GET \(response.status) \(body)") }
                        }
                    }
                }
            } catch {
                problems.withLock { $0.append("\(error)") }
            }
        }
        #expect(problems.withLock { $0 } == [])
        let final = try server.connect().request("GET", Self.path, headers: SandboxServer.headers())
        let body = try #require(try JSONParser.parse(final.body).objectValue)
        #expect(Self.isWhole(body))
        let finalAmount = Int(body["name"]?.stringValue?.dropFirst() ?? "") ?? -1
        #expect(written.withLock { $0.contains(finalAmount) })
    }

    @Test func deletesRacingWritesEndInOneCleanState() throws {
        let server = try SandboxServer.start()
        defer { server.stop() }
        let statuses = Mutex<[Int: Int]>([:])
        DispatchQueue.concurrentPerform(iterations: 12) { worker in
            guard let client = try? server.connect() else { return }
            for round in 0..<30 {
                let response: RawHTTPClient.Response?
                switch worker % 3 {
                case 0:
                    response = try? client.request(
                        "PUT", "/invoices/\(Self.invoice)", headers: Self.headers,
                        body: Self.write(worker * 100 + round + 1))
                case 1: response = try? client.request("DELETE", Self.path, headers: Self.headers)
                default: response = try? client.request("GET", Self.path, headers: SandboxServer.headers())
                }
                statuses.withLock { $0[response?.status ?? -1, default: 0] += 1 }
            }
        }
        let seen = statuses.withLock { $0 }
        #expect(Set(seen.keys).isSubset(of: [200, 400]), "\(seen)")
        #expect(seen[200, default: 0] > 0)
        let final = try server.connect().request("GET", Self.path, headers: SandboxServer.headers())
        #expect(final.status == 400)
        #expect(
            try server.connect().request("GET", SandboxServer.invoicePath(), headers: SandboxServer.headers()).status
                == 200)
    }
}
