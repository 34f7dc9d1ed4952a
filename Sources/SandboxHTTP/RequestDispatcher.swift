/// What an event loop's callbacks need: the responder and the limits. Immutable, so shared freely.
final class RequestDispatcher: Sendable {
    let responder: any HTTPResponder
    let maxBodyBytes: Int

    init(responder: any HTTPResponder, maxBodyBytes: Int) {
        self.responder = responder
        self.maxBodyBytes = maxBodyBytes
    }
}
