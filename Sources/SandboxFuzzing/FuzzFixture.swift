import InvoiceAPI
import InvoiceDomain
import SandboxHTTP
import SandboxJSON
import Synchronization

/// The shipped seed data, read once, and a fresh API over it for every input.
///
/// A fresh store per input makes every failure reproducible from its input alone, and keeps memory bounded
/// however many PUTs and DELETEs the fuzzer sends.
final class FuzzFixture: Sendable {
    /// The token `B` inputs send: every scope on every seeded location.
    static let allLocationsToken = "pit-sandbox-all-locations"
    /// The API version every route requires.
    static let version = APIConfiguration.documentedVersion

    let seed: SeedData
    /// Internal errors the API reported since the last `takeInternalErrors()`; each is a 500.
    private let internalErrors = Mutex<[String]>([])

    init(seedDirectory: String) throws {
        seed = try SeedData.load(directory: seedDirectory)
    }

    /// An API over a new store holding the seed's records.
    func freshAPI() -> SandboxAPI {
        do {
            let store = try InvoiceStore(storedInvoices: seed.invoices, schedules: seed.schedules)
            return api(store: store, tokens: seed.tokens)
        } catch {
            preconditionFailure("the shipped seed data no longer makes a store: \(error)")
        }
    }

    /// An API over a store, recording what it reports as internal errors.
    func api(store: InvoiceStore, tokens: [AccessToken]) -> SandboxAPI {
        SandboxAPI(store: store, tokens: tokens) { [self] detail in
            internalErrors.withLock { $0.append(detail) }
        }
    }

    /// The internal errors reported since the last call.
    func takeInternalErrors() -> [String] {
        internalErrors.withLock { errors in
            defer { errors = [] }
            return errors
        }
    }

    /// Headers that pass authentication for every seeded location, with a JSON content type.
    static var authorizedHeaders: HTTPHeaders {
        [
            "Authorization": "Bearer \(allLocationsToken)", "Version": version,
            "Content-Type": "application/json",
        ]
    }
}
