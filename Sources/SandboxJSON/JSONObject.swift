/// A JSON object whose members keep the order they were parsed or inserted in.
public struct JSONObject: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    /// One key/value pair of a JSON object.
    public struct Member: Sendable, Equatable {
        /// The member's name.
        public var key: String
        /// The member's value.
        public var value: JSONValue

        /// Creates a member from a key and a value.
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The members in order; keys are unique.
    public private(set) var members: [Member]

    /// Creates an empty object.
    public init() {
        members = []
    }

    /// Creates an object from pairs; for a repeated key the last value wins, kept at the first one's position.
    public init(_ members: [(String, JSONValue)]) {
        var builder = JSONObjectBuilder()
        builder.reserveCapacity(members.count)
        for (key, value) in members {
            builder.set(key, value)
        }
        self.members = builder.members
    }

    /// Creates an object from a dictionary literal, keeping the order written (a repeated key: the last one wins).
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }

    /// Wraps members the caller guarantees have unique keys (no check: the fast path for encoders).
    public init(uniqueMembers: [Member]) {
        members = uniqueMembers
    }

    /// The value for `key`; setting a value replaces it in place or appends it, setting `nil` removes the member.
    public subscript(key: String) -> JSONValue? {
        get {
            for member in members where member.key == key {
                return member.value
            }
            return nil
        }
        set {
            guard let index = index(forKey: key) else {
                if let newValue {
                    members.append(Member(key: key, value: newValue))
                }
                return
            }
            if let newValue {
                members[index].value = newValue
            } else {
                members.remove(at: index)
            }
        }
    }

    /// The keys in order.
    public var keys: [String] { members.map(\.key) }

    /// The values in order.
    public var values: [JSONValue] { members.map(\.value) }

    /// The number of members.
    public var count: Int { members.count }

    /// Whether the object has no members.
    public var isEmpty: Bool { members.isEmpty }

    /// Whether the object has a member named `key`.
    public func contains(key: String) -> Bool {
        index(forKey: key) != nil
    }

    /// Removes the member named `key` and returns its value, or returns `nil` when there is none.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let index = index(forKey: key) else { return nil }
        return members.remove(at: index).value
    }

    /// Returns an iterator over the members in order.
    public func makeIterator() -> IndexingIterator<[Member]> {
        members.makeIterator()
    }

    /// The number of members.
    public var underestimatedCount: Int { members.count }

    /// Whether both objects have the same keys with equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        let count = lhs.members.count
        guard count == rhs.members.count else { return false }
        // Fast path: the common prefix where keys appear in the same order.
        var index = 0
        while index < count, lhs.members[index].key == rhs.members[index].key {
            guard lhs.members[index].value == rhs.members[index].value else { return false }
            index += 1
        }
        if index == count { return true }
        // Keys are unique and the counts are equal, so finding every remaining lhs key in rhs proves equality.
        if count - index <= 16 {
            for member in lhs.members[index...] {
                guard let other = rhs[member.key], other == member.value else { return false }
            }
            return true
        }
        var positions: [String: Int] = [:]
        positions.reserveCapacity(count)
        for (position, member) in rhs.members.enumerated() {
            positions[member.key] = position
        }
        for member in lhs.members[index...] {
            guard let position = positions[member.key], rhs.members[position].value == member.value else {
                return false
            }
        }
        return true
    }

    private func index(forKey key: String) -> Int? {
        members.firstIndex { $0.key == key }
    }
}

extension JSONObject: CustomStringConvertible {
    /// The compact JSON text of this object, exactly as `JSON.stringify` would write it.
    public var description: String { JSONWriter.string(.object(self)) }
}
