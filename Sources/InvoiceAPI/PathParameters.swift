/// The values of a route's `{name}` segments, in pattern order (routes have one or two, so a scan is fastest).
public struct PathParameters: Sendable, Equatable {
    private var pairs: [(name: String, value: String)] = []

    /// No parameters.
    public init() {}

    /// The value of a parameter, if the pattern has it.
    public subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    mutating func append(name: String, value: String) {
        pairs.append((name, value))
    }

    /// Same names and values in the same order.
    public static func == (lhs: PathParameters, rhs: PathParameters) -> Bool {
        lhs.pairs.elementsEqual(rhs.pairs) { $0.name == $1.name && $0.value == $1.value }
    }
}
