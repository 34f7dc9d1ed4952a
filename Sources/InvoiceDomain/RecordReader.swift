import SandboxJSON

/// Reads typed fields out of a JSON object, naming the field's path in every error.
struct RecordReader {
    let object: JSONObject
    let path: String

    init(_ value: JSONValue, path: String) throws(RecordError) {
        guard case .object(let object) = value else {
            throw RecordError(path: path, problem: "must be an object")
        }
        self.object = object
        self.path = path
    }

    func fieldPath(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    func value(_ key: String) -> JSONValue? {
        guard let value = object[key], !value.isNull else { return nil }
        return value
    }

    func requiredString(_ key: String) throws(RecordError) -> String {
        guard let value = try string(key) else {
            throw RecordError(path: fieldPath(key), problem: "is required")
        }
        return value
    }

    func string(_ key: String) throws(RecordError) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let string) = value else {
            throw RecordError(path: fieldPath(key), problem: "must be a string")
        }
        return string
    }

    func requiredNumber(_ key: String) throws(RecordError) -> Double {
        guard let value = try number(key) else {
            throw RecordError(path: fieldPath(key), problem: "is required")
        }
        return value
    }

    func number(_ key: String) throws(RecordError) -> Double? {
        guard let value = value(key) else { return nil }
        guard case .number(let number) = value else {
            throw RecordError(path: fieldPath(key), problem: "must be a number")
        }
        return number
    }

    func bool(_ key: String) throws(RecordError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let bool) = value else {
            throw RecordError(path: fieldPath(key), problem: "must be a boolean")
        }
        return bool
    }

    func array(_ key: String) throws(RecordError) -> [JSONValue]? {
        guard let value = value(key) else { return nil }
        guard case .array(let array) = value else {
            throw RecordError(path: fieldPath(key), problem: "must be an array")
        }
        return array
    }

    func oneOf<T: RawRepresentable<String> & CaseIterable>(_ key: String, _: T.Type) throws(RecordError) -> T? {
        guard let raw = try string(key) else { return nil }
        guard let value = T(rawValue: raw) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw RecordError(path: fieldPath(key), problem: "must be one of \(allowed)")
        }
        return value
    }

    /// Reads a nested record at `key`, nil when absent or null.
    func record<T>(_ key: String, _ read: (JSONValue, String) throws(RecordError) -> T) throws(RecordError) -> T? {
        guard let value = value(key) else { return nil }
        return try read(value, fieldPath(key))
    }

    /// Reads an array of records, each at `key[index]`.
    func records<T>(_ key: String, _ read: (JSONValue, String) throws(RecordError) -> T) throws(RecordError) -> [T]? {
        guard let array = try array(key) else { return nil }
        var result: [T] = []
        result.reserveCapacity(array.count)
        for (index, element) in array.enumerated() {
            result.append(try read(element, "\(fieldPath(key))[\(index)]"))
        }
        return result
    }
}
