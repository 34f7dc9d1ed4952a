import Foundation
import InvoiceDomain
import SandboxHTTP
import SandboxJSON

/// `/_sandbox/requests`: what clients sent to the HighLevel routes and what they got.
extension ControlAPI {
    var journalRoutes: [ControlRoute] {
        let journal = journal
        return [
            ControlRoute(.get, "/_sandbox/requests") { (context) throws(APIError) in
                var filter = RequestJournal.Filter()
                filter.locationId = context.scope
                filter.method = try context.query("method")
                filter.pathPrefix = try context.query("path")
                if let status = try context.query("status") {
                    if status.count == 3, status.hasSuffix("xx"), let digit = Int(status.prefix(1)),
                        (1...5).contains(digit)
                    {
                        filter.statusClass = digit
                    } else if let code = Int(status), (100...599).contains(code) {
                        filter.status = code
                    } else {
                        throw .control(
                            status: 400, message: ControlMessages.badQueryValue("status", "a status such as 422 or 4xx")
                        )
                    }
                }
                if let since = try context.query("since") {
                    guard let date = Self.date(since) else {
                        throw .control(
                            status: 400,
                            message: ControlMessages.badQueryValue(
                                "since", "an ISO 8601 time such as 2026-11-21T10:00:00Z"))
                    }
                    filter.since = date
                }
                if let limit = try context.query("limit") {
                    guard let count = Int(limit), count >= 0 else {
                        throw .control(status: 400, message: ControlMessages.badQueryValue("limit", "a whole number"))
                    }
                    filter.limit = count
                }
                let entries = journal.entries(matching: filter)
                let counts = journal.counts
                return Responses.json(
                    200,
                    [
                        "requests": .array(entries.map(Self.entry)), "count": .number(Double(entries.count)),
                        "capacity": .number(Double(journal.capacity)), "evicted": .number(Double(counts.evicted)),
                    ])
            },
            ControlRoute(.delete, "/_sandbox/requests") { (context) throws(APIError) in
                let removed = journal.clear(locationId: context.scope)
                return Responses.json(200, ["cleared": .number(Double(removed))])
            },
        ]
    }

    /// An entry as JSON: the body as JSON when it parses, as text otherwise, null when empty.
    static func entry(_ entry: RequestJournal.Entry) -> JSONValue {
        var headers = JSONObject()
        for field in entry.headers {
            // A repeated field keeps its values together, comma-joined, as HTTP allows.
            if case .string(let earlier)? = headers[field.name] {
                headers[field.name] = .string(earlier + ", " + field.value)
            } else {
                headers[field.name] = .string(field.value)
            }
        }
        var query = JSONObject()
        for item in entry.query where query[item.name] == nil {
            let values = entry.query.filter { $0.name == item.name }.map(\.value)
            query[item.name] = values.count == 1 ? .string(values[0]) : .array(values.map { .string($0) })
        }
        let body: JSONValue =
            entry.body.isEmpty
            ? .null : (try? JSONParser.parse(entry.body)) ?? .string(String(decoding: entry.body, as: UTF8.self))
        let milliseconds =
            Double(entry.duration.components.seconds) * 1000
            + Double(entry.duration.components.attoseconds) / 1e15
        return [
            "sequence": .number(Double(entry.sequence)), "time": .string(Timestamp.format(entry.time)),
            "method": .string(entry.method), "path": .string(entry.path), "query": .object(query),
            "headers": .object(headers), "body": body, "bodyTruncated": .bool(entry.bodyTruncated),
            "locationId": entry.locationId.map { .string($0) } ?? .null,
            "status": entry.status.map { .number(Double($0)) } ?? .null,
            "responseTimeMs": .number((milliseconds * 1000).rounded() / 1000),
            "faultId": entry.faultId.map { .string($0) } ?? .null,
        ]
    }

    /// An ISO 8601 time with or without fractional seconds.
    static func date(_ text: String) -> Date? {
        let styles: [Date.ISO8601FormatStyle] = [
            .iso8601,
            .iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted),
        ]
        for style in styles {
            if let date = try? style.parse(text) { return date }
        }
        return nil
    }
}
