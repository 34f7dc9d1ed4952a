import CLibevent

/// An answer the transport holds back until its delay ends, with the timer on the loop that releases it.
final class HeldAnswer {
    let request: UnsafeMutablePointer<evhttp_request>
    let response: HTTPResponse
    /// Unowned: the loop keeps its held answers, and frees their timers before itself.
    unowned let loop: EventLoop
    private var timer: OpaquePointer?

    /// Arms a timer on the loop's base that calls `loop.release(_:)` after the delay.
    init(request: UnsafeMutablePointer<evhttp_request>, response: HTTPResponse, loop: EventLoop, delay: Duration) {
        self.request = request
        self.response = response
        self.loop = loop
        // A timer costs a small allocation; Swift traps when one fails, and so does this.
        guard let timer = event_new(loop.base, -1, 0, heldAnswerDue, Unmanaged.passUnretained(self).toOpaque())
        else { preconditionFailure("libevent could not allocate a timer") }
        self.timer = timer
        var after = timeval(delay: delay)
        event_add(timer, &after)
    }

    /// Frees the timer; afterwards the answer is the caller's to send, drop, or leave to evhttp's teardown.
    func cancel() {
        if let timer {
            event_free(timer)
        }
        timer = nil
    }
}

/// The timer of a held answer fired; its context is the answer, which the loop keeps alive until released.
private func heldAnswerDue(_: Int32, _: Int16, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    let held = Unmanaged<HeldAnswer>.fromOpaque(context).takeUnretainedValue()
    held.loop.release(held)
}
