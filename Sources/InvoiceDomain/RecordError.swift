/// Why a JSON record could not be read as an invoice, item, discount or schedule.
public struct RecordError: Error, Equatable, CustomStringConvertible {
    /// The field's path inside the record, e.g. `invoiceItems[0].qty`; empty for the record itself.
    public let path: String
    /// What is wrong with it, e.g. `must be a number`.
    public let problem: String

    /// Creates an error.
    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    /// `path problem`, or just the problem for the record itself.
    public var description: String {
        path.isEmpty ? problem : "\(path) \(problem)"
    }
}
