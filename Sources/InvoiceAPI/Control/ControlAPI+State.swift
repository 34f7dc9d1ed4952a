import InvoiceDomain
import SandboxJSON

/// `/_sandbox/state`: the whole store (or one location) in the seed files' shapes, read or replaced at once.
extension ControlAPI {
    /// The three keys of a state document, in the order they are written.
    static let stateKeys = ["tokens", "invoices", "schedules"]

    var stateRoutes: [ControlRoute] {
        let state = state
        return [
            ControlRoute(.get, "/_sandbox/state") { (context) throws(APIError) in
                Responses.json(bytes: Self.export(state, locationId: context.scope))
            },
            ControlRoute(.put, "/_sandbox/state") { (context) throws(APIError) in
                let seed = try Self.read(context.requireObject(), scope: context.scope)
                try Self.replace(state, with: seed, locationId: context.scope)
                return Responses.json(
                    200,
                    [
                        "tokens": .number(Double(seed.tokens.count)), "invoices": .number(Double(seed.invoices.count)),
                        "schedules": .number(Double(seed.schedules.count)),
                    ])
            },
        ]
    }

    /// `{"tokens":[…],"invoices":[…],"schedules":[…]}` of a location (nil: everything), read in one moment.
    /// A location's tokens are those that can use that location and no other.
    static func export(_ state: SandboxState, locationId: String?) -> [UInt8] {
        let (tokens, records) = state.reading { (tokens, store) in
            (tokens.all, store.records(locationId: locationId))
        }
        let kept = tokens.filter { token in locationId.map { token.belongsOnly(to: $0) } ?? true }
        var bytes = Array(#"{"tokens":"#.utf8)
        JSONWriter.write(.array(kept.map(ControlJSON.token)), into: &bytes)
        bytes += Array(#","invoices":"#.utf8)
        ControlJSON.appendArray(records.invoices.map(\.getResponseBody), to: &bytes)
        bytes += Array(#","schedules":"#.utf8)
        JSONWriter.write(.array(records.schedules.map(\.json)), into: &bytes)
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    /// Reads a state document: all three arrays are required, each record is checked as the seed files are.
    static func read(_ object: JSONObject, scope: String?) throws(APIError) -> SeedData {
        for key in stateKeys where object[key] == nil {
            throw .control(status: 400, message: ControlMessages.stateMissing(key))
        }
        if let unknown = object.keys.first(where: { !stateKeys.contains($0) }) {
            throw .control(
                status: 400, message: ControlMessages.invalidRecord("state", "\(unknown) is not a known field"))
        }
        let seed: SeedData
        do {
            seed = try SeedData.decode(
                tokens: object["tokens"], invoices: object["invoices"], schedules: object["schedules"],
                now: Timestamp.now())
        } catch {
            let name = error.file.replacingOccurrences(of: ".json", with: "")
            let problem = error.problem.hasPrefix("[") ? name + error.problem : "\(name) \(error.problem)"
            throw .control(status: 400, message: ControlMessages.invalidRecord("state", problem))
        }
        if let scope {
            if seed.tokens.contains(where: { !$0.belongsOnly(to: scope) }) {
                throw .control(status: 400, message: ControlMessages.outsideScope("token", scope))
            }
            if seed.invoices.contains(where: { $0.locationId != scope }) {
                throw .control(status: 400, message: ControlMessages.outsideScope("invoice", scope))
            }
            if seed.schedules.contains(where: { $0.locationId != scope }) {
                throw .control(status: 400, message: ControlMessages.outsideScope("schedule", scope))
            }
        }
        return seed
    }

    /// Replaces the records and tokens of a location (nil: everything) in one change.
    static func replace(_ state: SandboxState, with seed: SeedData, locationId: String?) throws(APIError) {
        let records = InvoiceStore.Records(invoices: seed.invoices, schedules: seed.schedules)
        try state.changing { (tokens, store) throws(APIError) in
            if let locationId {
                for token in seed.tokens {
                    if let existing = tokens.token(presented: token.token), !existing.belongsOnly(to: locationId) {
                        throw .control(status: 409, message: ControlMessages.belongsElsewhere("token", token.token))
                    }
                }
            }
            do throws(DomainError) {
                try store.replaceRecords(records, locationId: locationId)
            } catch {
                throw .control(status: 409, message: ControlJSON.clash(error))
            }
            tokens.replace(with: seed.tokens, locationId: locationId)
        }
    }
}
