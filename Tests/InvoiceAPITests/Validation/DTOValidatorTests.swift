import SandboxJSON
import Testing

@testable import InvoiceAPI

/// The engine on its own: what the invoice schemas do not exercise, and the complete body's coverage.
struct DTOValidatorTests {
    static let inner = DTOSchema("InnerDto", [.required("value", .anything), .optional("note", .string)])
    static let outer = DTOSchema(
        "OuterDto",
        [.optional("anything", .anything), .optional("inner", .nested(inner)), .optional("list", .arrayOf(inner))])

    @Test func anythingAcceptsEveryValueButARequiredOneMustNotBeEmpty() throws {
        let body = try #require(
            JSONParser.parse(
                #"{"anything": [1, "x", {}], "inner": {"value": ""}, "list": [{"value": 0}, {"value": null}]}"#
            )
            .objectValue)
        #expect(
            DTOValidator.messages(for: body, as: Self.outer) == [
                "inner.value should not be empty", "list.1.value should not be empty",
            ])
    }

    @Test func theFailureTreeKeepsClassValidatorsShape() throws {
        let body = try #require(JSONParser.parse(#"{"inner": {"note": 5, "x": 1}, "list": "no"}"#).objectValue)
        let failures = DTOValidator.failures(in: body, as: Self.outer)
        #expect(failures.map(\.property) == ["inner", "list"])
        #expect(failures[0].constraints.isEmpty)
        #expect(failures[0].children.map(\.property) == ["x", "value", "note"])
        #expect(failures[1].constraints.map(\.type) == ["isArray", "nestedValidation"])
    }

    @Test func theCompleteBodyUsesEveryDeclaredField() {
        var missing: [String] = []
        Self.collectMissing(
            .object(UpdateInvoiceBodies.complete), InvoiceSchemas.updateInvoice, path: "", into: &missing)
        #expect(missing == [])
    }

    private static func collectMissing(
        _ value: JSONValue, _ schema: DTOSchema, path: String, into missing: inout [String]
    ) {
        guard let object = value.objectValue else { return }
        for property in schema.properties {
            guard let field = object[property.name] else {
                missing.append(path + property.name)
                continue
            }
            switch property.kind {
            case .nested(let nested): collectMissing(field, nested, path: path + property.name + ".", into: &missing)
            case .arrayOf(let nested):
                for (index, element) in (field.arrayValue ?? []).enumerated() {
                    collectMissing(element, nested, path: "\(path)\(property.name).\(index).", into: &missing)
                }
            default: break
            }
        }
    }
}
