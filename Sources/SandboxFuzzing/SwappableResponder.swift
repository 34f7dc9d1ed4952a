import InvoiceAPI
import SandboxHTTP
import Synchronization

/// The live server's responder: the API of the current input, swapped for a fresh one before each input.
final class SwappableResponder: HTTPResponder {
    private let current: Mutex<SandboxAPI>

    init(_ api: SandboxAPI) {
        current = Mutex(api)
    }

    /// Serves the next requests from this API.
    func replace(with api: SandboxAPI) {
        current.withLock { $0 = api }
    }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        current.withLock { $0 }.respond(to: request)
    }

    func respond(toUnreadable failure: UnreadableRequest) -> HTTPResponse {
        current.withLock { $0 }.respond(toUnreadable: failure)
    }
}
