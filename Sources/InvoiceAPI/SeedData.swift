import Foundation
import InvoiceDomain
import SandboxJSON

/// The records a sandbox starts from: `tokens.json`, `invoices.json` and `schedules.json` in one folder.
public struct SeedData: Sendable {
    /// The file names, in the order they are read.
    public enum File: String, Sendable, CaseIterable {
        /// Required: without a token nobody can call the API.
        case tokens = "tokens.json"
        /// Optional: absent means no invoices.
        case invoices = "invoices.json"
        /// Optional: absent means no schedules.
        case schedules = "schedules.json"
    }

    /// The accepted tokens.
    public var tokens: [AccessToken]
    /// The invoices, encoded for the store.
    public var invoices: [InvoiceStore.StoredInvoice]
    /// The schedules.
    public var schedules: [Schedule]

    /// Creates seed data from records.
    public init(tokens: [AccessToken], invoices: [InvoiceStore.StoredInvoice] = [], schedules: [Schedule] = []) {
        self.tokens = tokens
        self.invoices = invoices
        self.schedules = schedules
    }

    /// Reads and checks the folder; any problem names the file and the field.
    public static func load(directory: String, now: String = Timestamp.now()) throws(SeedError) -> SeedData {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SeedError(file: directory, problem: "is not a folder")
        }
        let tokensJSON = try read(.tokens, in: directory, required: true)
        let schedulesJSON = try read(.schedules, in: directory, required: false)
        var seed = try decode(tokens: tokensJSON, invoices: nil, schedules: schedulesJSON, now: now)
        if let bytes = try readBytes(.invoices, in: directory, required: false) {
            seed.invoices = try InvoiceSeedLoader.load(bytes, now: now)
            try requireUnique(seed.invoices.map(\.id), in: .invoices, field: "_id")
        }
        return seed
    }

    /// Checks parsed files (nil: absent) and builds the records.
    public static func decode(
        tokens: JSONValue?, invoices: JSONValue?, schedules: JSONValue?, now: String
    ) throws(SeedError) -> SeedData {
        let tokenRecords = try records(tokens, in: .tokens) { (value, path) throws(RecordError) in
            try SeedTokenRecord.read(value, path: path)
        }
        let invoiceRecords = try records(invoices, in: .invoices) { (value, path) throws(RecordError) in
            InvoiceStore.StoredInvoice(try Invoice(record: value, path: path, now: now))
        }
        let scheduleRecords = try records(schedules, in: .schedules) { (value, path) throws(RecordError) in
            try Schedule(record: value, path: path, now: now)
        }
        try requireUnique(tokenRecords.map(\.token), in: .tokens, field: "token")
        try requireUnique(invoiceRecords.map(\.id), in: .invoices, field: "_id")
        try requireUnique(scheduleRecords.map(\.id), in: .schedules, field: "_id")
        return SeedData(tokens: tokenRecords, invoices: invoiceRecords, schedules: scheduleRecords)
    }

    private static func read(_ file: File, in directory: String, required: Bool) throws(SeedError) -> JSONValue? {
        guard let bytes = try readBytes(file, in: directory, required: required) else { return nil }
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw SeedError(file: file.rawValue, problem: "is not valid JSON: \(error)")
        }
    }

    private static func readBytes(_ file: File, in directory: String, required: Bool) throws(SeedError) -> [UInt8]? {
        let path = (directory as NSString).appendingPathComponent(file.rawValue)
        guard FileManager.default.fileExists(atPath: path) else {
            if required { throw SeedError(file: file.rawValue, problem: "is missing from \(directory)") }
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SeedError(file: file.rawValue, problem: "cannot be read")
        }
        return [UInt8](data)
    }

    private static func records<T>(
        _ value: JSONValue?, in file: File, _ read: (JSONValue, String) throws(RecordError) -> T
    ) throws(SeedError) -> [T] {
        guard let value else { return [] }
        guard case .array(let elements) = value else {
            throw SeedError(file: file.rawValue, problem: "must hold a JSON array")
        }
        var result: [T] = []
        for (index, element) in elements.enumerated() {
            do {
                result.append(try read(element, "[\(index)]"))
            } catch {
                throw SeedError(file: file.rawValue, problem: "\(error)")
            }
        }
        return result
    }

    static func requireUnique(_ ids: [String], in file: File, field: String) throws(SeedError) {
        var seen = Set<String>()
        for (index, id) in ids.enumerated() where !seen.insert(id).inserted {
            throw SeedError(file: file.rawValue, problem: "[\(index)].\(field) \(id) appears twice")
        }
    }
}

/// A seed file that cannot be used, with the field at fault.
public struct SeedError: Error, Equatable, CustomStringConvertible {
    /// The file name (or folder).
    public let file: String
    /// What is wrong, starting with the field's path.
    public let problem: String

    /// Creates an error.
    public init(file: String, problem: String) {
        self.file = file
        self.problem = problem
    }

    /// `file: problem`.
    public var description: String { "\(file): \(problem)" }
}

/// Reads one entry of tokens.json: `{"token", "locationIds", "scopes"?}` and nothing else.
enum SeedTokenRecord {
    static let keys: Set<String> = ["token", "locationIds", "scopes"]

    static func read(_ value: JSONValue, path: String) throws(RecordError) -> AccessToken {
        guard case .object(let object) = value else { throw RecordError(path: path, problem: "must be an object") }
        if let unknown = object.keys.first(where: { !keys.contains($0) }) {
            throw RecordError(path: field(path, unknown), problem: "is not a known field (token, locationIds, scopes)")
        }
        guard case .string(let token)? = object["token"], !token.isEmpty else {
            throw RecordError(path: field(path, "token"), problem: "must be a non-empty string")
        }
        guard token.allSatisfy({ !$0.isWhitespace }) else {
            throw RecordError(path: field(path, "token"), problem: "must not contain white space")
        }
        let locationIds = try strings(object["locationIds"], path: field(path, "locationIds"))
        guard !locationIds.isEmpty else {
            throw RecordError(path: field(path, "locationIds"), problem: "must name at least one location")
        }
        var scopes: Set<Scope>?
        if let scopeValue = object["scopes"] {
            var parsed = Set<Scope>()
            for (index, name) in try strings(scopeValue, path: field(path, "scopes")).enumerated() {
                guard let scope = Scope(rawValue: name) else {
                    let known = Scope.allCases.map(\.rawValue).joined(separator: ", ")
                    throw RecordError(
                        path: "\(field(path, "scopes"))[\(index)]", problem: "\(name) is not one of \(known)")
                }
                parsed.insert(scope)
            }
            scopes = parsed
        }
        return AccessToken(token: token, locationIds: Set(locationIds), scopes: scopes)
    }

    /// `path.key`, or `key` for a record at the top (a control API body).
    private static func field(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    private static func strings(_ value: JSONValue?, path: String) throws(RecordError) -> [String] {
        guard case .array(let elements)? = value else { throw RecordError(path: path, problem: "must be an array") }
        return try elements.enumerated().map { (index, element) throws(RecordError) in
            guard case .string(let string) = element, !string.isEmpty else {
                throw RecordError(path: "\(path)[\(index)]", problem: "must be a non-empty string")
            }
            return string
        }
    }
}
