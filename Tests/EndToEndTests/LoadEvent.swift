/// One request of the load test and its answer, with when it was sent and when its answer was read.
struct LoadEvent: Sendable {
    /// What a request asked for.
    enum Action: Sendable, Equatable, CustomStringConvertible {
        case get
        case put(generation: Int)
        case delete
        case cancel

        var description: String {
            switch self {
            case .get: "GET"
            case .put(let generation): "PUT load-\(generation)"
            case .delete: "DELETE"
            case .cancel: "cancel"
            }
        }
    }

    /// What an answer showed, decoded and checked as it arrived.
    enum Outcome: Sendable, Equatable, Hashable, CustomStringConvertible {
        /// 200 with the invoice byte for byte as it was before the load.
        case original
        /// 200 with the name, lines and totals of one PUT of the load, all of them.
        case generation(Int)
        /// 400 `Messages.invoiceNotFound`.
        case invoiceNotFound
        /// 400 `Messages.invoiceNotDraft`.
        case invoiceNotDraft
        /// 200 with the schedule, status `cancelled`.
        case cancelled
        /// 400 `Messages.scheduleAlreadyCancelled`.
        case alreadyCancelled
        /// Anything else: another status, a torn record, a body that is not the documented one.
        case unexpected(String)

        /// A 200 carrying an invoice.
        var isInvoice: Bool {
            switch self {
            case .original, .generation: true
            default: false
            }
        }

        var description: String {
            switch self {
            case .original: "200 original"
            case .generation(let number): "200 load-\(number)"
            case .invoiceNotFound: "400 not found"
            case .invoiceNotDraft: "400 not a draft"
            case .cancelled: "200 cancelled"
            case .alreadyCancelled: "400 already cancelled"
            case .unexpected(let what): "unexpected \(what)"
            }
        }
    }

    let action: Action
    /// The invoice or schedule id.
    let target: String
    let sent: ContinuousClock.Instant
    let answered: ContinuousClock.Instant
    let outcome: Outcome
    /// For an answer carrying an invoice: its bytes without `totalSummary` (the PUT and DELETE shape), so that
    /// every answer showing one record can be compared byte for byte.
    let record: [UInt8]?

    var summary: String { "\(action) \(target) → \(outcome)" }
}
