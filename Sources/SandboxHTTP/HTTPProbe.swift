import CLibevent

#if canImport(Glibc)
    import Glibc
#endif

/// Asks whether an HTTP server answers on an address: used by health checks, so it needs no curl.
public enum HTTPProbe {
    /// Sends `GET path` with `Connection: close` and returns the status code of the answer, or nil when
    /// nothing answers with an HTTP status line within the timeout.
    public static func status(host: String, port: Int, path: String = "/", timeoutSeconds: Int = 2) -> Int? {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var results: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &results) == 0, let address = results else { return nil }
        defer { freeaddrinfo(results) }

        let socket = Glibc.socket(address.pointee.ai_family, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return nil }
        defer { close(socket) }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        let size = socklen_t(MemoryLayout<timeval>.size)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, size)
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, size)
        guard connect(socket, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 else { return nil }

        let request = Array("GET \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n".utf8)
        let sent = request.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == request.count else { return nil }

        var reply = [UInt8](repeating: 0, count: 64)
        var received = 0
        while received < 12 {
            let count = reply.withUnsafeMutableBytes {
                recv(socket, $0.baseAddress! + received, $0.count - received, 0)
            }
            guard count > 0 else { break }
            received += count
        }
        // "HTTP/1.1 200": the status code is bytes 9..<12.
        let line = String(decoding: reply[..<received], as: UTF8.self)
        guard line.hasPrefix("HTTP/1."), received >= 12 else { return nil }
        return Int(line.dropFirst(9).prefix(3))
    }
}
