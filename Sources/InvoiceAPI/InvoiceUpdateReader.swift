import Foundation
import InvoiceDomain
import SandboxJSON

/// Turns a validated UpdateInvoiceDto body into the domain's update.
enum InvoiceUpdateReader {
    /// The update; every item gets a new `_id`, as the real service assigns one to each stored item.
    static func read(_ body: JSONObject, now: Date = Date()) throws(APIError) -> InvoiceUpdate {
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
}
