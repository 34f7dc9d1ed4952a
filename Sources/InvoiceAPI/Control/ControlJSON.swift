import Foundation
import InvoiceDomain
import SandboxHTTP
import SandboxJSON

/// Reads and writes the control API's records: the seed files' shapes, journal entries and fault rules.
enum ControlJSON {
    /// `{"key":[e1,e2,…]}` from elements already encoded.
    static func list(_ key: String, _ elements: [[UInt8]]) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        JSONWriter.writeString(key, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendArray(elements, to: &bytes)
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    /// Appends `[e1,e2,…]` from elements already encoded.
    static func appendArray(_ elements: [[UInt8]], to bytes: inout [UInt8]) {
        bytes.reserveCapacity(bytes.count + elements.reduce(2) { $0 + $1.count + 1 })
        bytes.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += element
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// A token in the shape of tokens.json.
    static func token(_ token: AccessToken) -> JSONValue {
        let scopes = Scope.allCases.filter { token.scopes.contains($0) }
        return [
            "token": .string(token.token), "locationIds": .array(token.locationIds.sorted().map { .string($0) }),
            "scopes": .array(scopes.map { .string($0.rawValue) }),
        ]
    }

    /// A token record; the secret comes from the path when given there, and is generated when absent.
    static func readToken(_ object: JSONObject, secret: String?, scope: String?) throws(APIError) -> AccessToken {
        var object = object
        if let secret {
            if let given = object["token"], given != .string(secret) {
                throw .control(status: 400, message: ControlMessages.idMismatch("token", secret))
            }
            object["token"] = .string(secret)
        } else if object["token"] == nil {
            object["token"] = .string(generatedSecret())
        }
        let token: AccessToken
        do {
            token = try SeedTokenRecord.read(.object(object), path: "")
        } catch {
            throw .control(status: 400, message: ControlMessages.invalidRecord("token", error.description))
        }
        if let scope, !token.belongsOnly(to: scope) {
            throw .control(status: 400, message: ControlMessages.outsideScope("token", scope))
        }
        return token
    }

    /// An invoice record in the GET response shape; `_id` comes from the path or is generated.
    static func readInvoice(_ object: JSONObject, id: String?, scope: String?) throws(APIError) -> Invoice {
        try readRecord(object, id: id, scope: scope, kind: "invoice", locationId: \.locationId) {
            (record) throws(RecordError) in try Invoice(record: record, now: Timestamp.now())
        }
    }

    /// A schedule record in the cancel response shape; `_id` comes from the path or is generated.
    static func readSchedule(_ object: JSONObject, id: String?, scope: String?) throws(APIError) -> Schedule {
        try readRecord(object, id: id, scope: scope, kind: "schedule", locationId: \.locationId) {
            (record) throws(RecordError) in try Schedule(record: record, now: Timestamp.now())
        }
    }

    /// Reads a record with its id settled, as the seed files are read, and keeps it inside the scope.
    private static func readRecord<Record>(
        _ object: JSONObject, id: String?, scope: String?, kind: String, locationId: (Record) -> String,
        _ read: (JSONValue) throws(RecordError) -> Record
    ) throws(APIError) -> Record {
        let object = try withId(object, id: id)
        let record: Record
        do {
            record = try read(.object(object))
        } catch {
            throw .control(status: 400, message: ControlMessages.invalidRecord(kind, error.description))
        }
        if let scope, locationId(record) != scope {
            throw .control(status: 400, message: ControlMessages.outsideScope(kind, scope))
        }
        return record
    }

    private static func withId(_ object: JSONObject, id: String?) throws(APIError) -> JSONObject {
        var object = object
        if let id {
            if let given = object["_id"], given != .string(id) {
                throw .control(status: 400, message: ControlMessages.idMismatch("_id", id))
            }
            object["_id"] = .string(id)
        } else if object["_id"] == nil || object["_id"] == .null {
            _ = object.removeValue(forKey: "_id")
            object = JSONObject([("_id", .string(ObjectID.generate()))] + object.members.map { ($0.key, $0.value) })
        }
        return object
    }

    /// A secret for a token created without one: `pit-sandbox-` and 32 random hex digits.
    static func generatedSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let words = [generator.next(), generator.next()] as [UInt64]
        return "pit-sandbox-"
            + words.map { word in
                let hex = String(word, radix: 16)
                return String(repeating: "0", count: 16 - hex.count) + hex
            }.joined()
    }

    /// The control API's answer to a store refusal.
    static func refusal(_ error: DomainError, kind: String) -> APIError {
        switch error {
        case .duplicateId(let id): .control(status: 409, message: ControlMessages.alreadyExists(kind, id))
        case .totalsOutOfRange:
            .control(status: 400, message: ControlMessages.invalidRecord(kind, Messages.totalsOutOfRange))
        default: .control(status: 400, message: "\(error)")
        }
    }

    /// The message for a replacement whose ids clash with records of other locations.
    static func clash(_ error: DomainError) -> String {
        switch error {
        case .duplicateId(let id): "The id \(id) is used twice, or by a record of another location"
        case .totalsOutOfRange(let id): ControlMessages.invalidRecord("invoice", "\(id): \(Messages.totalsOutOfRange)")
        default: "\(error)"
        }
    }
}
