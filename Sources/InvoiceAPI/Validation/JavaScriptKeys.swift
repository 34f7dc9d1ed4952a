import SandboxJSON

/// The keys of a parsed body as class-validator walks them on the DTO instance class-transformer builds.
enum JavaScriptKeys {
    /// Keys that never reach the validator, so are never reported: NestJS's pipe deletes `__proto__`, and
    /// class-transformer skips every key naming a function the instance inherits from `Object.prototype`.
    static let dropped: Set<String> = [
        "__proto__", "constructor", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toString",
        "toLocaleString", "valueOf", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
    ]

    /// `Object.keys` order: array-index keys (`"0"`, `"17"`) first in ascending numeric order, then the others in
    /// the order they were parsed; dropped keys left out.
    static func ownKeys(of object: JSONObject) -> [String] {
        var indexes: [(key: String, value: UInt32)] = []
        var others: [String] = []
        for key in object.keys where !dropped.contains(key) {
            if let index = arrayIndex(key) {
                indexes.append((key, index))
            } else {
                others.append(key)
            }
        }
        return indexes.sorted { $0.value < $1.value }.map(\.key) + others
    }

    /// The value of a canonical array index: `0` or digits without a leading zero, at most 2³² − 2.
    private static func arrayIndex(_ key: String) -> UInt32? {
        let utf8 = key.utf8
        guard let first = utf8.first, first != UInt8(ascii: "0") || utf8.count == 1,
            utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let value = UInt32(key), value < UInt32.max
        else { return nil }
        return value
    }
}
