import CLibevent

#if canImport(Glibc)
    import Glibc
#endif

/// evhttp's bufferevent factory: called for every accepted connection, before evhttp wraps it.
func eventLoopNewConnection(_ base: OpaquePointer?, _ context: UnsafeMutableRawPointer?) -> OpaquePointer? {
    guard let base, let context else { return nil }
    return EventLoop.from(context).admit(on: base)
}

/// Runs after the accept callbacks of a loop iteration, before any I/O on the new connections.
func eventLoopAdoptConnections(_: Int32, _: Int16, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    EventLoop.from(context).adoptConnections()
}

/// evhttp is freeing a connection (whatever the reason: answered with close, failed, timed out, dropped).
private func eventLoopConnectionClosed(_ connection: OpaquePointer?, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    EventLoop.from(context).connectionClosed(connection)
}

/// A listener's `accept` failed; libevent passes the listener's argument, which evhttp set to itself.
func eventLoopAcceptFailed(_ listener: OpaquePointer?, _ http: UnsafeMutableRawPointer?) {
    guard let http, let loop = EventLoopRegistry.loop(of: OpaquePointer(http)) else { return }
    loop.acceptFailed()
}

func eventLoopRetryAccepting(_: Int32, _: Int16, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    EventLoop.from(context).retryAccepting()
}

/// Records removals from a connection's input; see `InputRemoval`.
private func eventLoopInputChanged(
    _ buffer: OpaquePointer?, _ change: UnsafePointer<evbuffer_cb_info>?, _ context: UnsafeMutableRawPointer?
) {
    guard let buffer, let change, let context else { return }
    EventLoop.from(context).recentInputRemoval.note(buffer, removed: change.pointee.n_deleted)
}

/// Connections: counting them against the limit, their timeouts, and watching them close.
///
/// libevent 2.1.12 tells a server nothing when evhttp accepts or frees a connection, except through
/// `evhttp_set_bevcb` (called per accepted connection, before the connection exists) and
/// `evhttp_connection_set_closecb` (which needs the connection). The bufferevent made in the first carries
/// the connection as its callback argument once evhttp has set it up, which happens before the loop runs
/// anything else, so an event activated from the first finds it and sets the second.
extension EventLoop {
    func admit(on base: OpaquePointer) -> OpaquePointer? {
        // Options 0, as evhttp's own bufferevent: evhttp shuts down and closes the socket itself.
        guard let bufferEvent = bufferevent_socket_new(base, -1, 0) else { return nil }
        // Separate read and write timeouts: evhttp_set_timeout would set both to one value, and evhttp
        // leaves a bufferevent's timeouts alone when no such server-wide timeout is set.
        var read = readTimeout
        var write = writeTimeout
        _ = bufferevent_set_timeouts(bufferEvent, &read, &write)
        if let input = bufferevent_get_input(bufferEvent) {
            _ = evbuffer_add_cb(input, eventLoopInputChanged, context)
        }
        // Our reference keeps the bufferevent readable for the adoption even if evhttp gives up on the
        // connection first (it only does so when out of memory).
        bufferevent_incref(bufferEvent)
        awaitingAdoption.append(bufferEvent)
        if let adoptionEvent {
            event_active(adoptionEvent, 0, 0)
        }
        openConnections += 1
        updateAccepting()
        return bufferEvent
    }

    func adoptConnections() {
        let accepted = awaitingAdoption
        awaitingAdoption = []
        for bufferEvent in accepted {
            var argument: UnsafeMutableRawPointer?
            bufferevent_getcb(bufferEvent, nil, nil, nil, &argument)
            if let connection = argument {
                evhttp_connection_set_closecb(OpaquePointer(connection), eventLoopConnectionClosed, context)
            } else {
                // Freeing a bufferevent clears its callbacks: evhttp let go of this connection already.
                connectionClosed(nil)
            }
            bufferevent_decref(bufferEvent)
        }
    }

    func connectionClosed(_ connection: OpaquePointer?) {
        openConnections -= 1
        if let connection {
            connectionsWriting.remove(UInt(bitPattern: connection))
        }
        guard !tearingDown else { return }
        updateAccepting()
        finishDrainingIfIdle()
    }

    /// Typically out of descriptors: the listening socket stays readable and libevent would call again at
    /// once, so accepting pauses for a moment instead. A listener that `stop()` shut down ends here too.
    func acceptFailed() {
        guard !acceptBackingOff else { return }
        acceptBackingOff = true
        updateAccepting()
        if let acceptRetryEvent {
            var pause = timeval(tv_sec: 0, tv_usec: 100_000)
            event_add(acceptRetryEvent, &pause)
        }
    }

    func retryAccepting() {
        acceptBackingOff = false
        updateAccepting()
    }

    /// Accepts while under the limit; otherwise new clients wait in the kernel's backlog.
    func updateAccepting() {
        let wanted = !draining && !acceptBackingOff && openConnections < settings.connections
        guard wanted != listenersEnabled else { return }
        listenersEnabled = wanted
        for listener in listeners {
            _ = wanted ? evconnlistener_enable(listener.listener) : evconnlistener_disable(listener.listener)
        }
    }
}

/// The largest single removal from one connection's input since another connection's input changed or
/// the last request was handed over.
///
/// evhttp removes an overlong request line that arrived whole before it reports the failure, leaving the
/// request exactly as it leaves it after an empty first line; this record, kept by an input callback,
/// is what tells the two apart. (evhttp removes the line, then its line end, in one call chain.)
struct InputRemoval {
    private var buffer: UInt = 0
    private var largest = 0

    mutating func note(_ buffer: OpaquePointer, removed: Int) {
        let address = UInt(bitPattern: Int(bitPattern: buffer))
        if address != self.buffer {
            self.buffer = address
            largest = 0
        }
        largest = max(largest, removed)
    }

    /// The largest removal recorded for that input, 0 when another input changed since.
    func largest(in buffer: OpaquePointer) -> Int {
        UInt(bitPattern: Int(bitPattern: buffer)) == self.buffer ? largest : 0
    }

    mutating func forget() {
        buffer = 0
        largest = 0
    }
}
