import Foundation
import SandboxJSON
import SandboxTesting
import Testing

@testable import InvoiceAPI

/// The validation schemas against HighLevel's OpenAPI document, so that a change of the spec is noticed.
struct SchemaMatchesSpecTests {
    /// Where the sandbox knowingly differs from the spec's types (API-NOTES, "Known defects of the official spec").
    static let corrections = [
        "PaymentScheduleDto.schedules": "array<object>",  // "array of string" in the spec, objects in practice
        "ProcessingFeeDto.charges": "array<object>",  // "array of arrays" in the spec, a defect per API-NOTES
        "TipsConfigurationDto.tipsPercentage": "array<number>",  // "array of string", numbers in its example
    ]

    /// Every DTO the two request bodies reach, named as the spec names them.
    static let coveredDTOs: Set<String> = [
        "UpdateInvoiceDto", "CancelInvoiceScheduleDto", "BusinessDetailsDto", "AddressDto", "ContactDetailsDto",
        "AdditionalEmailsDto", "DiscountDto", "InvoiceItemDto", "ItemTaxDto", "PaymentScheduleDto",
        "TipsConfigurationDto", "PaymentMethodDto", "StripePaymentMethodDto", "AttachmentsDto", "ProcessingFeeDto",
        "ProcessingFeePaidChargeDto",
    ]

    static func specSchemas() throws -> JSONObject {
        let data = try Data(contentsOf: URL(fileURLWithPath: RepositoryPaths.sharedSpec + "/invoices.openapi.json"))
        let spec = try JSONParser.parse(Array(data))
        return try #require(spec["components"]?["schemas"]?.objectValue)
    }

    @Test func everyDTOHasTheSpecsFieldsInTheSpecsOrderWithItsRequiredListAndTypes() throws {
        let schemas = try Self.specSchemas()
        var visited: Set<String> = []
        for root in [InvoiceSchemas.updateInvoice, InvoiceSchemas.cancelInvoiceSchedule] {
            try compare(root, with: schemas, visited: &visited)
        }
        #expect(visited == Self.coveredDTOs)
    }

    @Test func datesAndEmailsAreWhereTheSpecDescribesThem() {
        let updateKinds = Dictionary(
            uniqueKeysWithValues: InvoiceSchemas.updateInvoice.properties.map { ($0.name, $0.kind) })
        for name in ["issueDate", "dueDate"] {
            guard case .date? = updateKinds[name] else {
                Issue.record("\(name) is not a YYYY-MM-DD date")
                continue
            }
        }
        for schema in [InvoiceSchemas.contactDetails, InvoiceSchemas.additionalEmails] {
            let email = schema.properties.first { $0.name == "email" }
            guard case .email? = email?.kind else {
                Issue.record("\(schema.name).email is not an email")
                continue
            }
        }
    }

    private func compare(_ schema: DTOSchema, with schemas: JSONObject, visited: inout Set<String>) throws {
        guard visited.insert(schema.name).inserted else { return }
        let spec = try #require(schemas[schema.name], "\(schema.name) is not in the spec")
        let properties = try #require(spec["properties"]?.objectValue)
        #expect(schema.properties.map(\.name) == properties.keys, "\(schema.name)'s fields")
        let required = Set((spec["required"]?.arrayValue ?? []).compactMap(\.stringValue))
        #expect(Set(schema.properties.filter(\.isRequired).map(\.name)) == required, "\(schema.name)'s required list")
        for property in schema.properties {
            guard let specProperty = properties[property.name] else { continue }
            let key = "\(schema.name).\(property.name)"
            let expected = Self.corrections[key] ?? Self.describe(specProperty)
            #expect(Self.describe(property.kind) == expected, "\(key)'s type")
            if let nested = property.kind.nestedSchema {
                try compare(nested, with: schemas, visited: &visited)
            }
        }
    }

    /// A spec property's type: `string`, `enum[a,b]`, a DTO name for a `$ref` (also inside `allOf`), `array<…>`.
    static func describe(_ property: JSONValue) -> String {
        if let reference = property["$ref"]?.stringValue ?? property["allOf"]?[0]?["$ref"]?.stringValue {
            return String(reference.split(separator: "/").last ?? "")
        }
        let type = property["type"]?.stringValue ?? "any"
        if let values = property["enum"]?.arrayValue {
            return "enum[\(values.compactMap(\.stringValue).joined(separator: ","))]"
        }
        if type == "array" {
            return "array<\(property["items"].map(describe) ?? "any")>"
        }
        return type
    }

    /// The same description for the sandbox's kind; dates and emails are strings to the spec.
    static func describe(_ kind: FieldKind) -> String {
        switch kind {
        case .string, .date, .email: "string"
        case .number: "number"
        case .boolean: "boolean"
        case .enumeration(let values): "enum[\(values.joined(separator: ","))]"
        case .object: "object"
        case .anything: "any"
        case .nested(let schema): schema.name
        case .arrayOf(let schema): "array<\(schema.name)>"
        case .strings: "array<string>"
        case .numbers: "array<number>"
        case .objects: "array<object>"
        case .array: "array<any>"
        }
    }
}
