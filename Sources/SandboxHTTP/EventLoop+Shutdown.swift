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

/// Graceful shutdown, on the loop's thread: no new connections, held answers still go out when due, and
/// the loop exits once nothing is left to send, or when the grace runs out.
extension EventLoop {
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

    /// Exits once no answer is held back or still being written. Requests that arrived in full by then
    /// are still answered: libevent runs the events already active before `event_base_loopexit` takes
    /// effect, and their answers go out at once.
    func finishDrainingIfIdle() {
        guard draining, !exiting, heldAnswers.isEmpty, connectionsWriting.isEmpty else { return }
        exit()
    }

    /// Sends every held answer now (closing the connections to drop) and exits.
    func endGrace() {
        guard !exiting else { return }
        exiting = true
        let remaining = Array(heldAnswers.values)
        for held in remaining {
            release(held)
        }
        event_base_loopexit(base, nil)
    }

    private func exit() {
        exiting = true
        event_base_loopexit(base, nil)
    }
}
