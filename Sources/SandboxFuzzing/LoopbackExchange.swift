import SandboxTesting

#if canImport(Glibc)
    import Glibc
#endif

/// One TCP connection to 127.0.0.1: writes its bytes, reads the answers, then closes its sending side and
/// reads until the server closes.
///
/// libevent drops the requests still queued on a connection once it reads the end of the stream, so closing
/// the sending side at once would leave pipelined requests unanswered and the answers depend on timing. A
/// sentinel request therefore follows the input, and the sending side closes once the sentinel's answer
/// arrives, or once the server has been quiet for `quietMilliseconds` (it waits for more of an input's body).
/// Sending and reading interleave through `poll`, so a full socket buffer never deadlocks the exchange.
enum LoopbackExchange {
    /// How a connection ended.
    enum Ending: Equatable {
        /// The server closed the connection cleanly.
        case closed
        /// The server reset the connection (it may do so when it closes with our bytes unread).
        case reset
        /// Neither within the time limit.
        case timedOut
        /// The connection could not be made or used.
        case failed(String)
    }

    /// The bytes received and how the connection ended.
    struct Outcome {
        var received: [UInt8]
        var ending: Ending
    }

    /// A request sent after an input, and a part of its answer that the answers to inputs cannot contain.
    struct Sentinel {
        var request: [UInt8]
        var answerMarker: [UInt8]
    }

    /// Sends `bytes` (and the sentinel's request after them) to the port, reads everything the server sends
    /// back, and gives up after `timeoutMilliseconds`.
    static func exchange(
        port: Int, bytes: [UInt8], sentinel: Sentinel? = nil, quietMilliseconds: Int = 10,
        timeoutMilliseconds: Int = 5_000
    ) -> Outcome {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return Outcome(received: [], ending: .failed("socket: \(errorText())")) }
        defer { close(socket) }
        guard connect(socket, port: port, timeoutMilliseconds: timeoutMilliseconds) else {
            return Outcome(received: [], ending: .failed("connect: \(errorText())"))
        }
        let outgoing = bytes + (sentinel?.request ?? [])
        var received: [UInt8] = []
        var sent = 0
        var sendingClosed = false
        var markerSearchedUpTo = 0
        var chunk = [UInt8](repeating: 0, count: 65536)
        let deadline = monotonicMilliseconds() + timeoutMilliseconds
        func closeSending() {
            shutdown(socket, Int32(SHUT_WR))
            sendingClosed = true
        }
        while true {
            if sent == outgoing.count, !sendingClosed, sentinel == nil { closeSending() }
            let remaining = deadline - monotonicMilliseconds()
            guard remaining > 0 else { return Outcome(received: received, ending: .timedOut) }
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            if sent < outgoing.count { descriptor.events |= Int16(POLLOUT) }
            let waitingForQuiet = sent == outgoing.count && !sendingClosed
            let ready = poll(&descriptor, 1, Int32(waitingForQuiet ? min(remaining, quietMilliseconds) : remaining))
            if ready < 0, errno == EINTR { continue }
            guard ready >= 0 else { return Outcome(received: received, ending: .failed("poll: \(errorText())")) }
            if ready == 0, waitingForQuiet {
                closeSending()
                continue
            }
            if descriptor.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
                if count > 0 {
                    received.append(contentsOf: chunk[..<count])
                    if let marker = sentinel?.answerMarker, !sendingClosed {
                        if contains(marker, in: received, from: markerSearchedUpTo) { closeSending() }
                        markerSearchedUpTo = max(0, received.count - marker.count)
                    }
                    continue
                }
                if count == 0 { return Outcome(received: received, ending: .closed) }
                if errno == ECONNRESET { return Outcome(received: received, ending: .reset) }
                if errno != EINTR, errno != EAGAIN {
                    return Outcome(received: received, ending: .failed("recv: \(errorText())"))
                }
            }
            if sent < outgoing.count, descriptor.revents & Int16(POLLOUT) != 0 {
                let written = outgoing[sent...].withUnsafeBytes {
                    send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
                }
                if written > 0 {
                    sent += written
                } else if errno == EPIPE || errno == ECONNRESET {
                    // The server closed early (for instance after refusing the request); read what it sent.
                    sent = outgoing.count
                    closeSending()
                }
            }
        }
    }

    private static func contains(_ marker: [UInt8], in bytes: [UInt8], from start: Int) -> Bool {
        guard bytes.count >= marker.count, start <= bytes.count - marker.count else { return false }
        return (start...(bytes.count - marker.count)).contains {
            bytes[$0..<$0 + marker.count].elementsEqual(marker)
        }
    }

    /// Connects without blocking: libFuzzer's timer signal interrupts a blocking `connect`, which then goes on
    /// in the background and cannot simply be retried.
    private static func connect(_ socket: Int32, port: Int, timeoutMilliseconds: Int) -> Bool {
        _ = fcntl(socket, F_SETFL, fcntl(socket, F_GETFL) | O_NONBLOCK)
        let status = Loopback.connect(socket, port: port)
        if status == 0 { return true }
        guard errno == EINPROGRESS || errno == EINTR else { return false }
        let deadline = monotonicMilliseconds() + timeoutMilliseconds
        while true {
            var descriptor = pollfd(fd: socket, events: Int16(POLLOUT), revents: 0)
            let remaining = deadline - monotonicMilliseconds()
            guard remaining > 0 else {
                errno = ETIMEDOUT
                return false
            }
            let ready = poll(&descriptor, 1, Int32(remaining))
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { return false }
            var failure: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(socket, SOL_SOCKET, SO_ERROR, &failure, &length)
            errno = failure
            return failure == 0
        }
    }

    private static func monotonicMilliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
    }

    private static func errorText() -> String {
        String(cString: strerror(errno))
    }
}
