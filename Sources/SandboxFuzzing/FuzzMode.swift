/// What an input's bytes after the first one are; the first byte picks it.
///
/// The selectors are printable letters so seed files can be written by hand; any other first byte still picks
/// a mode (by its value modulo the number of modes), so every input the fuzzer invents is exercised.
public enum FuzzMode: UInt8, CaseIterable, Sendable {
    /// `R`: bytes written as they are to a live server over a loopback socket, through libevent's parser.
    case rawHTTP = 0x52
    /// `A`: requests written as text (see `RequestScript`) and handed straight to the API, one store for all.
    case apiRequests = 0x41
    /// `B`: the second byte picks a route, the third a seeded record, and the rest is the request's JSON body
    /// (or, for GET, its query), sent with headers that pass authentication so validation is reached.
    case requestBody = 0x42
    /// `J`: JSON text: parse, write, parse again; the element scanner; bytes and string parsing agree.
    case json = 0x4A
    /// `I`: an `invoices.json` seed file: records that load must be served, and must read back.
    case invoiceRecords = 0x49
    /// `S`: a `schedules.json` seed file: records that load must be served and cancelled.
    case scheduleRecords = 0x53

    /// The mode a first byte selects.
    public init(selector: UInt8) {
        self = FuzzMode(rawValue: selector) ?? Self.allCases[Int(selector) % Self.allCases.count]
    }
}
