/// What the load test sends, to which records, and when each one-off write (a delete, a cancel) becomes possible.
///
/// Every target is an editable invoice or a schedule of location A in the shipped seed, so that many
/// connections overlap on few records. Most invoices are written by every connection; two have a single
/// writer each, whose PUTs follow one another, so that a lost write is decidable: every read sent after an
/// acknowledged PUT of theirs and before the next one must show that PUT. A delete or cancel window opens at
/// a fraction of the run's progress (the larger of the share of time and the share of requests used), so that
/// when it opens every connection is in the middle of reading and writing that record.
struct LoadPlan: Sendable {
    /// Drafts and sent invoices that every connection reads and writes for the whole run.
    static let contendedInvoices = ["6578278e879ad2646715ba9c", "6ae8ac8a2f85e01b48e33da1"]
    /// Invoices that every connection reads and connection `i` alone writes, `singleWriterInvoices[i]`.
    static let singleWriterInvoices = ["6afb16d5080cabcb4680c017", "6aecc70a80e8196174cbf6a9"]
    /// Sent invoices, which DELETE refuses (`Invoice status need to be draft…`).
    static let sentInvoices = ["6ae8ac8a2f85e01b48e33da1", "6aecc70a80e8196174cbf6a9"]
    /// Drafts that every connection reads and writes until they are deleted, and the progress at which DELETEs
    /// of each begin.
    static let deletedDrafts: [(id: String, opensAt: Double)] = [
        ("6af34c8c91664e4e3ed780ca", 0.3), ("6af62209c6091e5157a92c3f", 0.6),
    ]
    /// Schedules, and the progress at which cancels of each begin.
    static let schedules: [(id: String, opensAt: Double)] = [
        ("6578278e879ad2646715ba9c", 0.2), ("6afcc112f4d01ac027e3b8bf", 0.45), ("6aff1a0aa500841a2dc887d6", 0.7),
    ]

    /// Every invoice of the load.
    static var invoices: [String] { contendedInvoices + singleWriterInvoices + deletedDrafts.map(\.id) }

    /// Client connections, each on its own thread.
    let connections: Int
    /// How long the run lasts at most.
    let duration: Duration
    /// How many requests each connection sends at most.
    let requestsPerConnection: Int

    /// The next request of connection `connection`. A single writer alternates a PUT of its invoice and a GET
    /// of it. Every other connection sends 45 % GETs of any invoice, 35 % PUTs of a contended or deleted one,
    /// 10 % cancels of an open schedule and 10 % DELETEs of an open draft or a sent invoice. `generation`
    /// numbers a PUT (unique across the run).
    func nextAction(
        connection: Int, round: Int, progress: Double, generation: Int, using random: inout some RandomNumberGenerator
    ) -> (action: LoadEvent.Action, target: String) {
        if connection < Self.singleWriterInvoices.count {
            let invoice = Self.singleWriterInvoices[connection]
            return round.isMultiple(of: 2) ? (.put(generation: generation), invoice) : (.get, invoice)
        }
        let roll = Int.random(in: 0..<100, using: &random)
        let written = Self.contendedInvoices + Self.deletedDrafts.map(\.id)
        switch roll {
        case 0..<45:
            return (.get, Self.invoices.randomElement(using: &random) ?? written[0])
        case 45..<80:
            return (.put(generation: generation), written.randomElement(using: &random) ?? written[0])
        case 80..<90:
            let open = Self.schedules.filter { $0.opensAt <= progress }
            guard let schedule = open.randomElement(using: &random) else { return (.get, written[0]) }
            return (.cancel, schedule.id)
        default:
            let open = Self.deletedDrafts.filter { $0.opensAt <= progress }.map(\.id) + Self.sentInvoices
            return (.delete, open.randomElement(using: &random) ?? written[0])
        }
    }
}

/// SplitMix64: a small seeded generator, so that each connection's sequence of choices is reproducible.
struct LoadRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
