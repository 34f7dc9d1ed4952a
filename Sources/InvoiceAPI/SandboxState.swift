import InvoiceDomain

/// Everything a request can read or change: the store and the accepted tokens, behind one lock that makes
/// each HighLevel request and each control change atomic with respect to one another.
///
/// HighLevel requests hold the shared side for their whole run, so several run at once and the store's own
/// finer lock orders their writes; a control change (reset, fixture, snapshot restore) holds the exclusive
/// side, so no request sees half of it. The lock prefers writers, so a reset waits at most for the requests
/// in progress. Nothing takes the shared side twice on one thread, which would deadlock behind a waiting writer.
public final class SandboxState: Sendable {
    /// The invoices and schedules.
    public let store: InvoiceStore
    private let tokens: ReadWriteLock<TokenTable>

    /// Creates the state over a store and tokens.
    public init(store: InvoiceStore, tokens: [AccessToken]) {
        self.store = store
        self.tokens = ReadWriteLock(TokenTable(tokens))
    }

    /// Runs a HighLevel request or a control read: any number at once, never during a control change.
    func reading<Value, Failure: Error>(
        _ body: (TokenTable, InvoiceStore) throws(Failure) -> Value
    ) throws(Failure) -> Value {
        try tokens.read { (tokens) throws(Failure) in try body(tokens, store) }
    }

    /// Runs a control change alone.
    func changing<Value, Failure: Error>(
        _ body: (inout TokenTable, InvoiceStore) throws(Failure) -> Value
    ) throws(Failure) -> Value {
        try tokens.write { (tokens) throws(Failure) in try body(&tokens, store) }
    }

    /// Every token, sorted by secret.
    public var allTokens: [AccessToken] {
        tokens.read { $0.all }
    }
}
