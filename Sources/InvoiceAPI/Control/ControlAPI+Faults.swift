import InvoiceDomain
import SandboxHTTP
import SandboxJSON

/// `/_sandbox/faults`: rules that answer, delay, drop or rate-limit matching HighLevel requests.
extension ControlAPI {
    var faultRoutes: [ControlRoute] {
        let faults = faults
        return [
            ControlRoute(.post, "/_sandbox/faults") { (context) throws(APIError) in
                let rule = try Self.readFault(context.requireObject(), scope: context.scope)
                faults.add(rule)
                return Responses.json(201, Self.fault(rule))
            },
            ControlRoute(.get, "/_sandbox/faults") { (context) throws(APIError) in
                Responses.json(200, ["faults": .array(faults.list(locationId: context.scope).map(Self.fault))])
            },
            ControlRoute(.delete, "/_sandbox/faults") { (context) throws(APIError) in
                Responses.json(200, ["cleared": .number(Double(faults.clear(locationId: context.scope)))])
            },
            ControlRoute(.get, "/_sandbox/faults/{id}") { (context) throws(APIError) in
                let id = context.parameter("id")
                guard let rule = faults.rule(id: id), context.scope == nil || rule.locationId == context.scope else {
                    throw .control(status: 404, message: ControlMessages.faultNotFound(id))
                }
                return Responses.json(200, Self.fault(rule))
            },
            ControlRoute(.delete, "/_sandbox/faults/{id}") { (context) throws(APIError) in
                let id = context.parameter("id")
                guard let rule = faults.rule(id: id), context.scope == nil || rule.locationId == context.scope,
                    let removed = faults.remove(id: id)
                else {
                    throw .control(status: 404, message: ControlMessages.faultNotFound(id))
                }
                return Responses.json(200, Self.fault(removed))
            },
        ]
    }

    static let faultKeys: Set<String> = [
        "method", "path", "locationId", "times", "latencyMs", "respond", "rateLimit", "drop",
    ]

    /// Reads a rule; a location-scoped request registers a rule for its location.
    static func readFault(_ object: JSONObject, scope: String?) throws(APIError) -> FaultRule {
        func invalid(_ problem: String) -> APIError {
            .control(status: 400, message: ControlMessages.invalidFault(problem))
        }
        if let unknown = object.keys.first(where: { !faultKeys.contains($0) }) {
            throw invalid("\(unknown) is not a known field (\(faultKeys.sorted().joined(separator: ", ")))")
        }
        var method: String?
        if let value = object["method"] {
            guard case .string(let name) = value, let known = HTTPMethod(rawValue: name.uppercased()) else {
                throw invalid("method must be an HTTP method such as GET or PUT")
            }
            method = known.rawValue
        }
        var path: PathGlob?
        if let value = object["path"] {
            guard case .string(let pattern) = value, pattern.hasPrefix("/"), pattern.utf8.count <= 1024 else {
                throw invalid("path must be a pattern starting with / (* within a segment, ** across segments)")
            }
            path = PathGlob(pattern)
        }
        var locationId = scope
        if let value = object["locationId"] {
            guard case .string(let location) = value, !location.isEmpty else {
                throw invalid("locationId must be a non-empty string")
            }
            if let scope, scope != location {
                throw invalid("locationId must be \(scope), the locationId of this request")
            }
            locationId = location
        }
        var remaining: Int?
        if let value = object["times"] {
            guard let times = value.intValue, times > 0 else { throw invalid("times must be a positive whole number") }
            remaining = times
        }
        var latency = Duration.zero
        if let value = object["latencyMs"] {
            guard let milliseconds = value.intValue, (0...60_000).contains(milliseconds) else {
                throw invalid("latencyMs must be a whole number from 0 to 60000")
            }
            latency = .milliseconds(milliseconds)
        }
        let actions = ["respond", "rateLimit", "drop"].filter { object[$0] != nil }
        guard actions.count <= 1 else { throw invalid("give at most one of respond, rateLimit and drop") }
        let action: FaultRule.Action
        switch actions.first {
        case "respond": action = try readRespond(object["respond"] ?? .null, invalid: invalid)
        case "rateLimit": action = .rateLimit(try readRateLimit(object["rateLimit"] ?? .null, invalid: invalid))
        case "drop":
            guard object["drop"] == .bool(true) else { throw invalid("drop must be true") }
            action = .drop
        default:
            guard latency > .zero else {
                throw invalid("give one of respond, rateLimit and drop, or a latencyMs above 0")
            }
            action = .none
        }
        return FaultRule(
            id: ObjectID.generate(), method: method, path: path, locationId: locationId, remaining: remaining,
            latency: latency, action: action)
    }

    private static func readRespond(
        _ value: JSONValue, invalid: (String) -> APIError
    ) throws(APIError) -> FaultRule.Action {
        guard case .object(let object) = value else { throw invalid("respond must be an object") }
        if let unknown = object.keys.first(where: { !["status", "body", "headers"].contains($0) }) {
            throw invalid("respond.\(unknown) is not a known field (status, body, headers)")
        }
        guard let status = object["status"]?.intValue, (200...599).contains(status) else {
            throw invalid("respond.status must be a whole number from 200 to 599")
        }
        var headers: [(name: String, value: String)] = []
        if let value = object["headers"] {
            guard case .object(let fields) = value else {
                throw invalid("respond.headers must be an object of strings")
            }
            for member in fields {
                guard case .string(let text) = member.value, Self.isToken(member.key), Self.isFieldValue(text) else {
                    throw invalid("respond.headers.\(member.key) must be a valid header name with a string value")
                }
                headers.append((member.key, text))
            }
        }
        let defaultBody: JSONValue = [
            "statusCode": .number(Double(status)),
            "message": .string(Messages.errorName(for: status) ?? HTTPStatusPhrase.phrase(for: status)),
        ]
        return .respond(status: status, headers: headers, body: object["body"] ?? defaultBody)
    }

    private static func readRateLimit(
        _ value: JSONValue, invalid: (String) -> APIError
    ) throws(APIError) -> FaultRule.RateLimit {
        var limit = FaultRule.RateLimit()
        if value == .bool(true) { return limit }
        guard case .object(let object) = value else { throw invalid("rateLimit must be true or an object") }
        let fields: [(String, WritableKeyPath<FaultRule.RateLimit, Int>)] = [
            ("retryAfterSeconds", \.retryAfterSeconds), ("max", \.max),
            ("intervalMilliseconds", \.intervalMilliseconds), ("dailyLimit", \.dailyLimit),
            ("dailyRemaining", \.dailyRemaining),
        ]
        if let unknown = object.keys.first(where: { key in !fields.contains { $0.0 == key } }) {
            throw invalid("rateLimit.\(unknown) is not a known field (\(fields.map(\.0).joined(separator: ", ")))")
        }
        for (key, path) in fields {
            guard let value = object[key] else { continue }
            guard let number = value.intValue, number >= 0 else {
                throw invalid("rateLimit.\(key) must be a whole number of 0 or more")
            }
            limit[keyPath: path] = number
        }
        return limit
    }

    /// A rule as JSON, in the shape it is registered in plus its id and counters.
    static func fault(_ rule: FaultRule) -> JSONValue {
        var object: JSONObject = ["id": .string(rule.id)]
        object["method"] = rule.method.map { .string($0) } ?? .null
        object["path"] = rule.path.map { .string($0.description) } ?? .null
        object["locationId"] = rule.locationId.map { .string($0) } ?? .null
        object["remaining"] = rule.remaining.map { .number(Double($0)) } ?? .null
        object["matched"] = .number(Double(rule.matched))
        let latency = rule.latency.components
        object["latencyMs"] = .number(Double(latency.seconds * 1000 + latency.attoseconds / 1_000_000_000_000_000))
        switch rule.action {
        case .none: break
        case .drop: object["drop"] = true
        case .respond(let status, let headers, let body):
            var fields = JSONObject()
            for header in headers { fields[header.name] = .string(header.value) }
            object["respond"] = ["status": .number(Double(status)), "headers": .object(fields), "body": body]
        case .rateLimit(let limit):
            object["rateLimit"] = [
                "retryAfterSeconds": .number(Double(limit.retryAfterSeconds)), "max": .number(Double(limit.max)),
                "intervalMilliseconds": .number(Double(limit.intervalMilliseconds)),
                "dailyLimit": .number(Double(limit.dailyLimit)),
                "dailyRemaining": .number(Double(limit.dailyRemaining)),
            ]
        }
        return .object(object)
    }

    /// The response a rule's action gives (nil: the request is processed as usual).
    static func response(for action: FaultRule.Action) -> HTTPResponse? {
        switch action {
        case .none: return nil
        case .drop: return HTTPResponse.closeWithoutAnswer()
        case .respond(let status, let headers, let body):
            var response = Responses.json(status, body)
            for header in headers { response.headers.replace(name: header.name, value: header.value) }
            return response
        case .rateLimit(let limit):
            var response = Responses.json(
                429, ["statusCode": 429, "message": .string(ControlMessages.tooManyRequests)])
            response.headers.add(name: "Retry-After", value: String(limit.retryAfterSeconds))
            response.headers.add(name: "X-RateLimit-Limit-Daily", value: String(limit.dailyLimit))
            response.headers.add(name: "X-RateLimit-Daily-Remaining", value: String(limit.dailyRemaining))
            response.headers.add(name: "X-RateLimit-Interval-Milliseconds", value: String(limit.intervalMilliseconds))
            response.headers.add(name: "X-RateLimit-Max", value: String(limit.max))
            response.headers.add(name: "X-RateLimit-Remaining", value: "0")
            return response
        }
    }

    /// RFC 9110 token characters, so an injected header cannot break the response.
    private static func isToken(_ name: String) -> Bool {
        !name.isEmpty
            && name.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || "!#$%&'*+-.^_`|~".utf8.contains(byte)
            }
    }

    private static func isFieldValue(_ value: String) -> Bool {
        value.utf8.allSatisfy { $0 == 0x09 || (0x20...0x7E).contains($0) || $0 >= 0x80 }
    }
}
