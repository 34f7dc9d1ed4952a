/// class-validator's `ValidationError`: a property's failed constraints and the failures inside its value.
struct ValidationFailure: Sendable, Equatable {
    /// The property name, or the element index inside an array.
    var property: String
    /// Failed constraints in the order the rules ran.
    var constraints: [Constraint] = []
    /// Failures of the nested object's properties, or of the array's elements.
    var children: [ValidationFailure] = []

    /// Adds a failed constraint; one of a type already present replaces that one in place.
    mutating func record(_ constraint: Constraint) {
        if let index = constraints.firstIndex(where: { $0.type == constraint.type }) {
            constraints[index] = constraint
        } else {
            constraints.append(constraint)
        }
    }

    /// class-validator's `stripEmptyErrors`: drops every failure with no constraint and no remaining child.
    static func strippingEmpty(_ failures: [ValidationFailure]) -> [ValidationFailure] {
        failures.compactMap { failure in
            var failure = failure
            failure.children = strippingEmpty(failure.children)
            return failure.constraints.isEmpty && failure.children.isEmpty ? nil : failure
        }
    }
}
