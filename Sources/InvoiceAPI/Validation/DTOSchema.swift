/// A DTO class as class-validator sees it: its properties in declaration order, each with its decorators.
struct DTOSchema: Sendable {
    /// One decorated property.
    struct Property: Sendable {
        /// The JSON key.
        let name: String
        /// What it holds.
        let kind: FieldKind
        /// Whether the key must be present: `@IsNotEmpty()` after the type rules instead of `@IsOptional()` first.
        let isRequired: Bool
        /// The decorators in the order they run.
        let decorators: [Decorator]

        /// A required property: the type rules, then `@IsNotEmpty()`.
        static func required(_ name: String, _ kind: FieldKind) -> Property {
            Property(name: name, kind: kind, isRequired: true, decorators: kind.decorators + [.isNotEmpty])
        }

        /// An optional property: `@IsOptional()`, then the type rules.
        static func optional(_ name: String, _ kind: FieldKind) -> Property {
            Property(name: name, kind: kind, isRequired: false, decorators: [.isOptional] + kind.decorators)
        }
    }

    /// The class name, as HighLevel's OpenAPI document names the schema.
    let name: String
    /// The properties in declaration order, which is the order their messages come in.
    let properties: [Property]
    private let propertyNames: Set<String>

    /// A DTO with these properties, in this order.
    init(_ name: String, _ properties: [Property]) {
        self.name = name
        self.properties = properties
        self.propertyNames = Set(properties.map(\.name))
    }

    /// Whether the DTO declares a property named `name` (whitelisting keeps only those).
    func declares(_ name: String) -> Bool {
        propertyNames.contains(name)
    }
}
