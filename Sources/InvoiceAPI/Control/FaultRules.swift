import Synchronization

/// The registered fault rules; the first rule that matches a request applies to it.
public final class FaultRules: Sendable {
    private let rules = Mutex<[FaultRule]>([])
    /// Lets a request skip the lock while no rule exists, which is nearly always.
    private let count = Atomic<Int>(0)

    /// Creates an empty set.
    public init() {}

    /// Adds a rule after the existing ones.
    public func add(_ rule: FaultRule) {
        rules.withLock { rules in
            rules.append(rule)
            count.store(rules.count, ordering: .releasing)
        }
    }

    /// The first rule matching the request, counted as applied (and removed when it has no uses left).
    public func take(method: String, path: String, locationId: String?) -> FaultRule? {
        guard count.load(ordering: .acquiring) > 0 else { return nil }
        return rules.withLock { rules -> FaultRule? in
            guard
                let index = rules.firstIndex(where: { $0.matches(method: method, path: path, locationId: locationId) })
            else { return nil }
            rules[index].matched += 1
            if let remaining = rules[index].remaining {
                rules[index].remaining = remaining - 1
            }
            let rule = rules[index]
            if rule.remaining == 0 {
                rules.remove(at: index)
                count.store(rules.count, ordering: .releasing)
            }
            return rule
        }
    }

    /// The rules of a location (nil: every rule), in the order they apply.
    public func list(locationId: String? = nil) -> [FaultRule] {
        rules.withLock { rules in rules.filter { locationId == nil || $0.locationId == locationId } }
    }

    /// The rule with that id.
    public func rule(id: String) -> FaultRule? {
        rules.withLock { rules in rules.first { $0.id == id } }
    }

    /// Removes the rule with that id; returns it.
    public func remove(id: String) -> FaultRule? {
        rules.withLock { rules -> FaultRule? in
            guard let index = rules.firstIndex(where: { $0.id == id }) else { return nil }
            defer { count.store(rules.count, ordering: .releasing) }
            return rules.remove(at: index)
        }
    }

    /// Removes the rules of a location (nil: every rule); returns how many.
    @discardableResult
    public func clear(locationId: String? = nil) -> Int {
        rules.withLock { rules in
            let before = rules.count
            rules.removeAll { locationId == nil || $0.locationId == locationId }
            count.store(rules.count, ordering: .releasing)
            return before - rules.count
        }
    }
}
