import InvoiceDomain
import SandboxHTTP
import SandboxJSON

/// `/_sandbox/invoices`, `/_sandbox/schedules` and `/_sandbox/tokens`: records in the seed files' shapes.
extension ControlAPI {
    var invoiceRoutes: [ControlRoute] {
        let state = state
        return [
            ControlRoute(.get, "/_sandbox/invoices") { (context) throws(APIError) in
                let records = state.store.records(locationId: context.scope)
                return Responses.json(bytes: ControlJSON.list("invoices", records.invoices.map(\.getResponseBody)))
            },
            ControlRoute(.post, "/_sandbox/invoices") { (context) throws(APIError) in
                let invoice = try ControlJSON.readInvoice(context.requireObject(), id: nil, scope: context.scope)
                return try Self.storeInvoice(invoice, in: state, scope: context.scope, allowReplacing: false)
            },
            ControlRoute(.get, "/_sandbox/invoices/{id}") { (context) throws(APIError) in
                let stored = try Self.visibleInvoice(context.parameter("id"), in: state, scope: context.scope)
                return Responses.json(bytes: stored.getResponseBody)
            },
            ControlRoute(.put, "/_sandbox/invoices/{id}") { (context) throws(APIError) in
                let invoice = try ControlJSON.readInvoice(
                    context.requireObject(), id: context.parameter("id"), scope: context.scope)
                return try Self.storeInvoice(invoice, in: state, scope: context.scope, allowReplacing: true)
            },
            ControlRoute(.delete, "/_sandbox/invoices/{id}") { (context) throws(APIError) in
                let id = context.parameter("id")
                let removed = try state.changing { (_, store) throws(APIError) -> InvoiceStore.StoredInvoice in
                    _ = try Self.visibleInvoice(id, in: state, scope: context.scope, store: store)
                    guard let removed = store.removeInvoice(id: id) else {
                        throw .control(status: 404, message: ControlMessages.notFound("invoice", id))
                    }
                    return removed
                }
                return Responses.json(bytes: removed.getResponseBody)
            },
        ]
    }

    var scheduleRoutes: [ControlRoute] {
        let state = state
        return [
            ControlRoute(.get, "/_sandbox/schedules") { (context) throws(APIError) in
                let records = state.store.records(locationId: context.scope)
                return Responses.json(
                    bytes: ControlJSON.list("schedules", records.schedules.map { JSONWriter.bytes($0.json) }))
            },
            ControlRoute(.post, "/_sandbox/schedules") { (context) throws(APIError) in
                let schedule = try ControlJSON.readSchedule(context.requireObject(), id: nil, scope: context.scope)
                return try Self.storeSchedule(schedule, in: state, scope: context.scope, allowReplacing: false)
            },
            ControlRoute(.get, "/_sandbox/schedules/{id}") { (context) throws(APIError) in
                let schedule = try Self.visibleSchedule(context.parameter("id"), in: state.store, scope: context.scope)
                return Responses.json(bytes: JSONWriter.bytes(schedule.json))
            },
            ControlRoute(.put, "/_sandbox/schedules/{id}") { (context) throws(APIError) in
                let schedule = try ControlJSON.readSchedule(
                    context.requireObject(), id: context.parameter("id"), scope: context.scope)
                return try Self.storeSchedule(schedule, in: state, scope: context.scope, allowReplacing: true)
            },
            ControlRoute(.delete, "/_sandbox/schedules/{id}") { (context) throws(APIError) in
                let id = context.parameter("id")
                let removed = try state.changing { (_, store) throws(APIError) -> Schedule in
                    _ = try Self.visibleSchedule(id, in: store, scope: context.scope)
                    guard let removed = store.removeSchedule(id: id) else {
                        throw .control(status: 404, message: ControlMessages.notFound("schedule", id))
                    }
                    return removed
                }
                return Responses.json(bytes: JSONWriter.bytes(removed.json))
            },
        ]
    }

    var tokenRoutes: [ControlRoute] {
        let state = state
        return [
            ControlRoute(.get, "/_sandbox/tokens") { (context) throws(APIError) in
                let tokens = state.allTokens.filter { token in
                    context.scope.map { token.locationIds.contains($0) } ?? true
                }
                return Responses.json(200, ["tokens": .array(tokens.map(ControlJSON.token))])
            },
            ControlRoute(.post, "/_sandbox/tokens") { (context) throws(APIError) in
                let token = try ControlJSON.readToken(context.requireObject(), secret: nil, scope: context.scope)
                return try Self.storeToken(token, in: state, scope: context.scope, allowReplacing: false)
            },
            ControlRoute(.get, "/_sandbox/tokens/{token}") { (context) throws(APIError) in
                let token = try state.reading { (tokens, _) throws(APIError) in
                    try Self.visibleToken(context.parameter("token"), in: tokens, scope: context.scope, changing: false)
                }
                return Responses.json(200, ControlJSON.token(token))
            },
            ControlRoute(.put, "/_sandbox/tokens/{token}") { (context) throws(APIError) in
                let token = try ControlJSON.readToken(
                    context.requireObject(), secret: context.parameter("token"), scope: context.scope)
                return try Self.storeToken(token, in: state, scope: context.scope, allowReplacing: true)
            },
            ControlRoute(.delete, "/_sandbox/tokens/{token}") { (context) throws(APIError) in
                let removed = try state.changing { (tokens, _) throws(APIError) -> AccessToken in
                    let token = try Self.visibleToken(
                        context.parameter("token"), in: tokens, scope: context.scope, changing: true)
                    tokens.remove(token.token)
                    return token
                }
                return Responses.json(200, ControlJSON.token(removed))
            },
        ]
    }

    // MARK: - Shared steps

    private static func visibleInvoice(
        _ id: String, in state: SandboxState, scope: String?, store: InvoiceStore? = nil
    ) throws(APIError) -> InvoiceStore.StoredInvoice {
        guard let stored = (store ?? state.store).storedInvoice(id: id), scope == nil || stored.locationId == scope
        else {
            throw .control(status: 404, message: ControlMessages.notFound("invoice", id))
        }
        return stored
    }

    private static func visibleSchedule(_ id: String, in store: InvoiceStore, scope: String?) throws(APIError)
        -> Schedule
    {
        guard let schedule = store.schedule(id: id), scope == nil || schedule.locationId == scope else {
            throw .control(status: 404, message: ControlMessages.notFound("schedule", id))
        }
        return schedule
    }

    /// The token with that secret; a scoped change may only touch tokens of that location alone.
    private static func visibleToken(
        _ secret: String, in tokens: TokenTable, scope: String?, changing: Bool
    ) throws(APIError) -> AccessToken {
        guard let token = tokens.token(presented: secret),
            scope.map({ changing ? token.belongsOnly(to: $0) : token.locationIds.contains($0) }) ?? true
        else {
            throw .control(status: 404, message: ControlMessages.notFound("token", secret))
        }
        return token
    }

    private static func storeInvoice(
        _ invoice: Invoice, in state: SandboxState, scope: String?, allowReplacing: Bool
    ) throws(APIError) -> HTTPResponse {
        let (stored, replaced) = try state.changing {
            (_, store) throws(APIError) -> (InvoiceStore.StoredInvoice, Bool) in
            if let scope, let existing = store.storedInvoice(id: invoice.id), existing.locationId != scope {
                throw .control(status: 409, message: ControlMessages.belongsElsewhere("invoice", invoice.id))
            }
            do throws(DomainError) {
                return try store.putInvoice(invoice, allowReplacing: allowReplacing)
            } catch {
                throw ControlJSON.refusal(error, kind: "invoice")
            }
        }
        return Responses.json(status: replaced ? 200 : 201, bytes: stored.getResponseBody)
    }

    private static func storeSchedule(
        _ schedule: Schedule, in state: SandboxState, scope: String?, allowReplacing: Bool
    ) throws(APIError) -> HTTPResponse {
        let replaced = try state.changing { (_, store) throws(APIError) -> Bool in
            if let scope, let existing = store.schedule(id: schedule.id), existing.locationId != scope {
                throw .control(status: 409, message: ControlMessages.belongsElsewhere("schedule", schedule.id))
            }
            do throws(DomainError) {
                return try store.putSchedule(schedule, allowReplacing: allowReplacing)
            } catch {
                throw ControlJSON.refusal(error, kind: "schedule")
            }
        }
        return Responses.json(status: replaced ? 200 : 201, bytes: JSONWriter.bytes(schedule.json))
    }

    private static func storeToken(
        _ token: AccessToken, in state: SandboxState, scope: String?, allowReplacing: Bool
    ) throws(APIError) -> HTTPResponse {
        let replaced = try state.changing { (tokens, _) throws(APIError) -> Bool in
            if let existing = tokens.token(presented: token.token) {
                guard allowReplacing else {
                    throw .control(status: 409, message: ControlMessages.alreadyExists("token", token.token))
                }
                if let scope, !existing.belongsOnly(to: scope) {
                    throw .control(status: 409, message: ControlMessages.belongsElsewhere("token", token.token))
                }
            }
            return tokens.put(token)
        }
        return Responses.json(replaced ? 200 : 201, ControlJSON.token(token))
    }
}
