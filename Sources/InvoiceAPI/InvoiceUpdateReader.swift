import Foundation
import InvoiceDomain
import SandboxJSON

/// Turns a validated UpdateInvoiceDto body into the domain's update.
enum InvoiceUpdateReader {
    /// The update; every item gets a new `_id`, as the real service assigns one to each stored item.
    ///
    /// Members set to `null` are dropped at every depth: class-validator skips optional `null`s, and the
    /// stored invoice must not carry them where the response schema wants a string or a number.
    static func read(_ validated: JSONObject, now: Date = Date()) throws(APIError) -> InvoiceUpdate {
        let body = withoutNullMembers(validated)
        do throws(RecordError) {
            let items = try (body["invoiceItems"]?.arrayValue ?? []).enumerated().map {
                (index, element) throws(RecordError) -> InvoiceItem in
                var object = element.objectValue ?? JSONObject()
                var withId = JSONObject([("_id", .string(ObjectID.generate(at: now)))])
                for member in object {
                    withId[member.key] = member.value
                }
                object = withId
                return try InvoiceItem(record: .object(object), path: "invoiceItems.\(index)")
            }
            let discount = try body["discount"].flatMap { value throws(RecordError) in
                value.isNull ? nil : try Discount(record: value, path: "discount")
            }
            var fields = JSONObject()
            for key in InvoiceUpdate.passThroughKeys {
                if let value = body[key], !value.isNull {
                    fields[key] = value
                }
            }
            return InvoiceUpdate(
                name: body["name"]?.stringValue ?? "", currency: body["currency"]?.stringValue ?? "",
                items: items, discount: discount, fields: fields)
        } catch {
            // Validation ran first, so a record error here is the sandbox's own fault.
            throw .internalError("validated update did not read: \(error)")
        }
    }

    static func withoutNullMembers(_ object: JSONObject) -> JSONObject {
        var members: [JSONObject.Member] = []
        for member in object where !member.value.isNull {
            members.append(JSONObject.Member(key: member.key, value: withoutNullMembers(member.value)))
        }
        return JSONObject(uniqueMembers: members)
    }

    static func withoutNullMembers(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object): .object(withoutNullMembers(object))
        case .array(let elements): .array(elements.map(withoutNullMembers))
        default: value
        }
    }
}
