import InvoiceDomain
import SandboxHTTP
import SandboxJSON

/// The emulated write routes: PUT and DELETE /invoices/{invoiceId}, POST …/schedule/{scheduleId}/cancel.
enum InvoiceWriteRoutes {
    /// PUT /invoices/{invoiceId}: a full replacement of the editable fields → UpdateInvoiceResponseDto.
    static func updateInvoice(store: InvoiceStore) -> Route {
        Route(.put, "/invoices/{invoiceId}", scope: .invoicesWrite) { (context) throws(APIError) in
            let messages = RequestValidation.updateInvoice(context.body)
            guard messages.isEmpty else { throw .validationFailed(messages) }
            let locationId = context.body["altId"]?.stringValue ?? ""
            try context.token.authorize(locationId: locationId)
            let update = try InvoiceUpdateReader.read(context.body)
            let now = Timestamp.now()
            do throws(DomainError) {
                let stored = try store.updateInvoice(id: context.parameters["invoiceId"] ?? "", locationId: locationId)
                {
                    $0.applying(update, now: now)
                }
                return Responses.json(bytes: stored.responseBodyWithoutSummary)
            } catch {
                throw APIError(error)
            }
        }
    }

    /// DELETE /invoices/{invoiceId}: drafts only → DeleteInvoiceResponseDto.
    ///
    /// altId/altType come from the query, as every version of the spec puts them; a request whose query has
    /// none falls back to a JSON body, as one documentation page shows.
    static func deleteInvoice(store: InvoiceStore) -> Route {
        Route(.delete, "/invoices/{invoiceId}", scope: .invoicesWrite) { (context) throws(APIError) in
            let query = context.request.query
            let location =
                query.isEmpty && !context.body.isEmpty
                ? try LocationQuery.validate(object: context.body)
                : try LocationQuery.validate(query: query)
            try context.token.authorize(locationId: location.altId)
            do throws(DomainError) {
                let deleted = try store.deleteInvoice(
                    id: context.parameters["invoiceId"] ?? "", locationId: location.altId)
                return Responses.json(bytes: deleted.responseBodyWithoutSummary)
            } catch {
                throw APIError(error)
            }
        }
    }

    /// POST /invoices/schedule/{scheduleId}/cancel → CancelInvoiceScheduleResponseDto, status `cancelled`.
    static func cancelSchedule(store: InvoiceStore) -> Route {
        Route(.post, "/invoices/schedule/{scheduleId}/cancel", scope: .scheduleWrite) { (context) throws(APIError) in
            let messages = RequestValidation.cancelSchedule(context.body)
            guard messages.isEmpty else { throw .validationFailed(messages) }
            let locationId = context.body["altId"]?.stringValue ?? ""
            try context.token.authorize(locationId: locationId)
            do throws(DomainError) {
                let schedule = try store.cancelSchedule(
                    id: context.parameters["scheduleId"] ?? "", locationId: locationId, now: Timestamp.now())
                return Responses.json(bytes: JSONWriter.bytes(schedule.json))
            } catch {
                throw APIError(error)
            }
        }
    }
}
