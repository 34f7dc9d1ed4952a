/// One failed rule on one property, as class-validator records it: `constraints[type] = message`.
struct Constraint: Sendable, Equatable {
    /// class-validator's constraint name (`isString`, `nestedValidation`, …); a second failure of the same type on
    /// the same property replaces the first one's message and keeps its position, as a JavaScript object key does.
    let type: String
    /// The message, worded with the property's own name.
    let message: String
}
