import InvoiceAPI
import InvoiceDomain
import SandboxHTTP
import SandboxJSON

/// `I` and `S` inputs: seed files. Whatever loads must be served without a 5xx and must read back.
struct SeedRecordInputs: Sendable {
    /// At most this many loaded records are requested per input.
    static let maximumRecords = 8
    /// The time seed loading stamps on records that lack one; fixed so that runs repeat.
    static let now = "2026-01-01T00:00:00.000Z"
    /// The token of the API over fuzzed records: every scope on every location they name.
    static let token = "fuzz-seed-records"

    let fixture: FuzzFixture

    /// Invoices that load must read back from their stored bytes and be served by GET.
    func runInvoices(_ bytes: [UInt8]) -> [String] {
        guard let value = try? JSONParser.parse(bytes),
            let seed = try? SeedData.decode(tokens: nil, invoices: value, schedules: nil, now: Self.now)
        else { return [] }
        let invoices = seed.invoices.prefix(Self.maximumRecords)
        var problems: [String] = []
        for stored in invoices {
            // Traps (in the domain) when the stored bytes do not read back, which the fuzzer reports.
            let invoice = stored.invoice
            if invoice.id != stored.id || invoice.locationId != stored.locationId {
                problems.append("invoice \(stored.id) reads back as \(invoice.id) in \(invoice.locationId)")
            }
            // A write starts from what the stored bytes read back as, so written again they must hold the same
            // JSON (members may move: a field the record lacked is appended the first time): otherwise a PUT
            // that changes nothing changes the invoice.
            let rewritten = InvoiceStore.StoredInvoice(invoice).getResponseBody
            if (try? JSONParser.parse(rewritten)) != (try? JSONParser.parse(stored.getResponseBody)) {
                problems.append(
                    "invoice \(stored.id) is stored as \(ResponseInvariants.excerpt(stored.getResponseBody, limit: 2000))"
                        + " but written again from what that reads back as, it is "
                        + ResponseInvariants.excerpt(rewritten, limit: 2000))
            }
        }
        guard let store = try? InvoiceStore(storedInvoices: Array(invoices)) else { return problems }
        let api = fixture.api(store: store, tokens: [Self.accessToken(for: invoices.map(\.locationId))])
        let inputs = APIInputs(fixture: fixture)
        for stored in invoices {
            let target =
                "/invoices/\(Self.escaped(stored.id))?altId=\(Self.escaped(stored.locationId))&altType=location"
            let request = Self.request(.get, target)
            problems += inputs.problems(api.respond(to: request), for: request)
        }
        return problems
    }

    /// Schedules that load must be written as JSON and be cancelled (twice: the second is refused) by the API.
    func runSchedules(_ bytes: [UInt8]) -> [String] {
        guard let value = try? JSONParser.parse(bytes),
            let seed = try? SeedData.decode(tokens: nil, invoices: nil, schedules: value, now: Self.now)
        else { return [] }
        let schedules = seed.schedules.prefix(Self.maximumRecords)
        var problems: [String] = []
        for schedule in schedules where (try? JSONParser.parse(JSONWriter.bytes(schedule.json))) == nil {
            problems.append("schedule \(schedule.id) is written as text that does not parse")
        }
        guard let store = try? InvoiceStore(storedInvoices: [], schedules: Array(schedules)) else { return problems }
        let api = fixture.api(store: store, tokens: [Self.accessToken(for: schedules.map(\.locationId))])
        let inputs = APIInputs(fixture: fixture)
        for schedule in schedules {
            let body: JSONValue = ["altId": .string(schedule.locationId), "altType": "location"]
            let request = Self.request(
                .post, "/invoices/schedule/\(Self.escaped(schedule.id))/cancel", body: JSONWriter.bytes(body))
            problems += inputs.problems(api.respond(to: request), for: request)
            problems += inputs.problems(api.respond(to: request), for: request)
        }
        return problems
    }

    private static func accessToken(for locations: [String]) -> AccessToken {
        AccessToken(token: token, locationIds: Set(locations))
    }

    private static func request(_ method: HTTPMethod, _ target: String, body: [UInt8] = []) -> HTTPRequest {
        let headers: HTTPHeaders = [
            "Authorization": "Bearer \(token)", "Version": FuzzFixture.version, "Content-Type": "application/json",
        ]
        return HTTPRequest(method: method, target: target, headers: headers, body: body)
    }

    /// Percent-encodes every byte but RFC 3986's unreserved characters, so any id stays one path segment.
    static func escaped(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += byte < 0x10 ? "%0\(hex)" : "%\(hex)"
            }
        }
        return result
    }
}
