#if canImport(Glibc)
    import Glibc
#endif

/// One TCP connection to 127.0.0.1: writes all its bytes, closes its sending side, reads until the peer closes.
///
/// Sending and reading interleave through `poll`, so a server that answers while the request is still being
/// written never deadlocks against a full socket buffer.
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

    /// Sends `bytes` to the port and reads everything the server sends back within `timeoutMilliseconds`.
    static func exchange(port: Int, bytes: [UInt8], timeoutMilliseconds: Int = 5_000) -> Outcome {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return Outcome(received: [], ending: .failed("socket: \(errorText())")) }
        defer { close(socket) }
        guard connect(socket, port: port) else {
            return Outcome(received: [], ending: .failed("connect: \(errorText())"))
        }
        var received: [UInt8] = []
        var sent = 0
        var sendingClosed = false
        var chunk = [UInt8](repeating: 0, count: 65536)
        let deadline = monotonicMilliseconds() + timeoutMilliseconds
        while true {
            if sent == bytes.count, !sendingClosed {
                shutdown(socket, Int32(SHUT_WR))
                sendingClosed = true
            }
            let remaining = deadline - monotonicMilliseconds()
            guard remaining > 0 else { return Outcome(received: received, ending: .timedOut) }
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            if !sendingClosed { descriptor.events |= Int16(POLLOUT) }
            let ready = poll(&descriptor, 1, Int32(remaining))
            if ready < 0, errno == EINTR { continue }
            guard ready >= 0 else { return Outcome(received: received, ending: .failed("poll: \(errorText())")) }
            if descriptor.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
                if count > 0 {
                    received.append(contentsOf: chunk[..<count])
                    continue
                }
                if count == 0 { return Outcome(received: received, ending: .closed) }
                if errno == ECONNRESET { return Outcome(received: received, ending: .reset) }
                if errno != EINTR, errno != EAGAIN {
                    return Outcome(received: received, ending: .failed("recv: \(errorText())"))
                }
            }
            if !sendingClosed, descriptor.revents & Int16(POLLOUT) != 0 {
                let written = bytes[sent...].withUnsafeBytes {
                    send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
                }
                if written > 0 {
                    sent += written
                } else if errno == EPIPE || errno == ECONNRESET {
                    // The server closed early (for instance after refusing the request); read what it sent.
                    shutdown(socket, Int32(SHUT_WR))
                    sendingClosed = true
                }
            }
        }
    }

    private static func connect(_ socket: Int32, port: Int) -> Bool {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
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
