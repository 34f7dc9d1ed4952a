import SandboxJSON
import Testing

@Suite("JSONObject")
struct JSONObjectTests {
    @Test("Members keep insertion order")
    func membersKeepInsertionOrder() {
        var object = JSONObject()
        object["c"] = 1
        object["a"] = 2
        object["b"] = 3
        #expect(object.keys == ["c", "a", "b"])
        #expect(object.values == [1, 2, 3])
        #expect(object.map(\.key) == ["c", "a", "b"])
        #expect(object.members.map(\.value) == [1, 2, 3])
    }

    @Test("A repeated key keeps the last value at the first position")
    func repeatedKeyKeepsLastValueAtFirstPosition() {
        let object = JSONObject([("a", 1), ("b", 2), ("a", 3), ("c", 4), ("b", 5)])
        #expect(object.keys == ["a", "b", "c"])
        #expect(object["a"] == 3)
        #expect(object["b"] == 5)
        #expect(object.count == 3)
    }

    @Test("Repeated keys in a large object are deduplicated the same way")
    func repeatedKeysInALargeObjectAreDeduplicated() {
        var pairs = (0..<40).map { ("k\($0)", JSONValue.number(Double($0))) }
        pairs.append(("k3", "three"))
        pairs.append(("k30", "thirty"))
        pairs.append(("new", true))
        let object = JSONObject(pairs)
        #expect(object.count == 41)
        #expect(object.keys == (0..<40).map { "k\($0)" } + ["new"])
        #expect(object["k3"] == "three")
        #expect(object["k30"] == "thirty")
        #expect(object["k31"] == 31)
    }

    @Test("Setting an existing key replaces the value in place")
    func settingAnExistingKeyReplacesInPlace() {
        var object: JSONObject = ["a": 1, "b": 2, "c": 3]
        object["b"] = "two"
        #expect(object.keys == ["a", "b", "c"])
        #expect(object["b"] == "two")
    }

    @Test("Setting nil removes the member while setting .null stores null")
    func settingNilRemovesWhileNullIsStored() {
        var object: JSONObject = ["a": 1, "b": 2]
        object["a"] = nil
        #expect(object.keys == ["b"])
        object["b"] = .null
        #expect(object.keys == ["b"])
        #expect(object["b"] == .null)
        object["missing"] = nil
        #expect(object.count == 1)
    }

    @Test("removeValue returns the removed value or nil")
    func removeValueReturnsTheRemovedValue() {
        var object: JSONObject = ["a": 1, "b": 2, "c": 3]
        #expect(object.removeValue(forKey: "b") == 2)
        #expect(object.removeValue(forKey: "b") == nil)
        #expect(object.keys == ["a", "c"])
    }

    @Test("count, isEmpty and contains(key:) describe the members")
    func countIsEmptyAndContainsDescribeTheMembers() {
        var object = JSONObject()
        #expect(object.isEmpty)
        #expect(object.count == 0)
        #expect(!object.contains(key: "a"))
        object["a"] = .null
        #expect(!object.isEmpty)
        #expect(object.count == 1)
        #expect(object.contains(key: "a"))
        #expect(object["a"] == .null)
        #expect(object["b"] == nil)
    }

    @Test(
        "Equality ignores member order",
        arguments: [
            (["a": 1, "b": 2], ["b": 2, "a": 1]),
            (["a": ["x": 1, "y": 2], "b": [1]], ["b": [1], "a": ["y": 2, "x": 1]]),
            ([:], [:]),
        ] as [(JSONObject, JSONObject)]
    )
    func equalityIgnoresMemberOrder(lhs: JSONObject, rhs: JSONObject) {
        #expect(lhs == rhs)
        #expect(rhs == lhs)
        #expect(JSONValue.object(lhs) == JSONValue.object(rhs))
    }

    @Test(
        "Objects with different keys or values are unequal",
        arguments: [
            (["a": 1, "b": 2], ["a": 1, "b": 3]),
            (["a": 1, "b": 2], ["a": 1, "c": 2]),
            (["a": 1, "b": 2], ["a": 1]),
            (["a": 1, "b": 2], ["b": 1, "a": 2]),
            (["a": nil], [:]),
            (["a": [1, 2]], ["a": [2, 1]]),
        ] as [(JSONObject, JSONObject)]
    )
    func objectsWithDifferentKeysOrValuesAreUnequal(lhs: JSONObject, rhs: JSONObject) {
        #expect(lhs != rhs)
        #expect(rhs != lhs)
    }

    @Test("Large objects compare equal in any order and unequal on one changed value")
    func largeObjectsCompareInAnyOrder() {
        let pairs = (0..<50).map { ("key\($0)", JSONValue.number(Double($0))) }
        let forward = JSONObject(pairs)
        let backward = JSONObject(pairs.reversed())
        #expect(forward == backward)
        var changed = backward
        changed["key25"] = "other"
        #expect(forward != changed)
        var renamed = backward
        renamed["key25"] = nil
        renamed["key99"] = 25
        #expect(forward != renamed)
    }
}
