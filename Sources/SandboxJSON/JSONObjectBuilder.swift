/// Collects object members, keeping keys unique the way JavaScript's `JSON.parse` does.
///
/// A repeated key replaces the earlier value but keeps the earlier position. Small objects are
/// deduplicated with a linear scan; once an object grows past `linearLimit` members a hash index is built.
struct JSONObjectBuilder {
    private static let linearLimit = 12

    private(set) var members: [JSONObject.Member] = []
    private var positions: [String: Int] = [:]

    mutating func reserveCapacity(_ capacity: Int) {
        members.reserveCapacity(capacity)
    }

    mutating func set(_ key: String, _ value: JSONValue) {
        if members.count < Self.linearLimit {
            for index in members.indices where members[index].key == key {
                members[index].value = value
                return
            }
            members.append(JSONObject.Member(key: key, value: value))
            return
        }
        if positions.isEmpty {
            positions.reserveCapacity(members.count * 2)
            for (index, member) in members.enumerated() {
                positions[member.key] = index
            }
        }
        if let index = positions[key] {
            members[index].value = value
        } else {
            positions[key] = members.count
            members.append(JSONObject.Member(key: key, value: value))
        }
    }

    var object: JSONObject {
        JSONObject(uniqueMembers: members)
    }
}
