import CLibevent

/// `stop()` activated the loop's stop event (from any thread).
func eventLoopStopRequested(_: Int32, _: Int16, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    EventLoop.from(context).beginDraining()
}

func eventLoopGraceEnded(_: Int32, _: Int16, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    EventLoop.from(context).endGrace()
}

func eventLoopCheckIdle(_: Int32, _: Int16, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    EventLoop.from(context).exitIfIdle()
}

/// Graceful shutdown, on the loop's thread: no new connections, held answers still go out when due, and
/// the loop exits once nothing is left to send, or soon after the grace runs out.
extension EventLoop {
    /// How long answers sent when the grace ends may take to be written before the loop exits anyway.
    static let writeLimitAfterGrace = timeval(tv_sec: 0, tv_usec: 100_000)

    func beginDraining() {
        guard !draining else { return }
        draining = true
        // stop() has made the kernel refuse new connections already; freeing the listeners closes them.
        for listener in listeners {
            evhttp_del_accept_socket(http, listener.bound)
        }
        listeners = []
        if let acceptRetryEvent {
            event_del(acceptRetryEvent)
        }
        if let graceEvent {
            var grace = settings.shutdownGrace
            event_add(graceEvent, &grace)
        }
        finishDrainingIfIdle()
    }

    /// Schedules the exit check once no answer is held back or still being written.
    ///
    /// `event_base_loopexit(base, NULL)` would stop the loop at the end of this round, before evhttp has
    /// written the answers queued in it; a zero timer runs in the next round, after its I/O.
    func finishDrainingIfIdle() {
        guard draining, heldAnswers.isEmpty, connectionsWriting.isEmpty, let idleCheckEvent else { return }
        var now = timeval(tv_sec: 0, tv_usec: 0)
        event_add(idleCheckEvent, &now)
    }

    /// Ends the loop if this round's I/O (requests that arrived in full, answered at once) left nothing to
    /// write; otherwise the last answer written schedules the check again.
    func exitIfIdle() {
        guard draining, heldAnswers.isEmpty, connectionsWriting.isEmpty else { return }
        // Nothing else runs in this round: a request read later in it would be answered but never written.
        event_base_loopbreak(base)
    }

    /// Sends every held answer now (closing the connections to drop) and exits once they are written, or
    /// after `writeLimitAfterGrace` at the most.
    func endGrace() {
        guard !graceOver else { return }
        graceOver = true
        for held in Array(heldAnswers.values) {
            release(held)
        }
        var limit = Self.writeLimitAfterGrace
        event_base_loopexit(base, &limit)
    }
}
