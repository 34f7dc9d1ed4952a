import CLibevent

/// evhttp's generic callback: every request that was read completely arrives here.
func eventLoopHandleRequest(_ request: UnsafeMutablePointer<evhttp_request>?, _ context: UnsafeMutableRawPointer?) {
    guard let request, let context else { return }
    EventLoop.from(context).handle(request)
}

/// evhttp finished writing an answer (it calls this before it frees the request).
private func eventLoopAnswerWritten(
    _ request: UnsafeMutablePointer<evhttp_request>?, _ context: UnsafeMutableRawPointer?
) {
    guard let request, let context else { return }
    EventLoop.from(context).answerWritten(request)
}

extension EventLoop {
    /// Answers a request that evhttp read completely: the limits first, then the responder.
    func handle(_ request: UnsafeMutablePointer<evhttp_request>) {
        recentInputRemoval.forget()
        let responder = dispatcher.responder
        if let failure = dispatcher.violatedLimit(of: request) {
            answer(request, with: responder.respond(toUnreadable: failure), closing: true)
        } else if let parsed = LibeventRequest.read(request) {
            answer(request, with: responder.respond(to: parsed), closing: false)
        } else {
            answer(request, with: responder.respond(toUnreadable: .malformed), closing: true)
        }
    }

    /// Sends the answer now or holds it back for its delay. A dropped connection is always closed from a
    /// timer, never from inside evhttp's callback for the request, which still uses the connection after.
    func answer(_ request: UnsafeMutablePointer<evhttp_request>, with response: HTTPResponse, closing: Bool) {
        if closing || draining {
            LibeventRequest.markConnectionClose(request)
        }
        if response.closesWithoutAnswer || (response.delay > .zero && !graceOver) {
            hold(request, response)
        } else {
            send(response, to: request)
        }
    }

    /// A held answer's delay ended (or shutdown's grace did): send it, or close its connection.
    func release(_ held: HeldAnswer) {
        heldAnswers[ObjectIdentifier(held)] = nil
        held.cancel()
        if held.response.closesWithoutAnswer {
            drop(held.request)
        } else {
            if draining {
                LibeventRequest.markConnectionClose(held.request)
            }
            send(held.response, to: held.request)
        }
        finishDrainingIfIdle()
    }

    func answerWritten(_ request: UnsafeMutablePointer<evhttp_request>) {
        if let connection = evhttp_request_get_connection(request) {
            connectionsWriting.remove(UInt(bitPattern: connection))
        }
        finishDrainingIfIdle()
    }

    private func hold(_ request: UnsafeMutablePointer<evhttp_request>, _ response: HTTPResponse) {
        // Nothing is read from the connection while its answer waits. evhttp 2.1.12 already stops reading
        // once a request is complete; this makes sure that the wait never counts against the read timeout
        // and that pipelined bytes never reach evhttp's parser while it expects to write.
        if let connection = evhttp_request_get_connection(request),
            let bufferEvent = evhttp_connection_get_bufferevent(connection)
        {
            bufferevent_disable(bufferEvent, Int16(EV_READ))
        }
        let delay = graceOver ? .zero : response.delay
        let held = HeldAnswer(request: request, response: response, loop: self, delay: delay)
        heldAnswers[ObjectIdentifier(held)] = held
    }

    private func send(_ response: HTTPResponse, to request: UnsafeMutablePointer<evhttp_request>) {
        if let connection = evhttp_request_get_connection(request) {
            connectionsWriting.insert(UInt(bitPattern: connection))
            evhttp_request_set_on_complete_cb(request, eventLoopAnswerWritten, context)
        }
        // Without a connection (the client left and evhttp let go of the request) evhttp frees the request.
        LibeventRequest.send(response, to: request)
    }

    /// Closes the connection without writing a byte; evhttp frees the request with it.
    private func drop(_ request: UnsafeMutablePointer<evhttp_request>) {
        if let connection = evhttp_request_get_connection(request) {
            evhttp_connection_free(connection)
        } else {
            evhttp_request_free(request)
        }
    }
}
