import Foundation
import SandboxTesting

#if canImport(Glibc)
    import Glibc
#endif

/// A client socket whose every wait has a deadline, for tests that time answers, closes and refusals.
final class TestSocket {
    /// A response as read off the wire.
    struct Response {
        var status: Int
        /// Names lowercased.
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// What went wrong.
    enum Failure: Error, Equatable {
        case refused
        case system(String)
        case timedOut
        case closedBeforeResponse(received: Int)
        case malformedResponse
    }

    let descriptor: Int32
    private var buffer: [UInt8] = []

    /// Connects to 127.0.0.1; throws `.refused` when nothing listens. `receiveBuffer` caps what the kernel
    /// accepts unread for this socket; it must be set before connecting, when the window is agreed.
    init(port: Int, receiveBuffer: Int32? = nil) throws {
        // The descriptor is stored only once connected: a class whose initializer throws after storing
        // every property gets its deinit run, which would close the number a second time, after another
        // thread may have been given it.
        let candidate = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard candidate >= 0 else { throw Failure.system(String(cString: strerror(errno))) }
        if var size = receiveBuffer {
            setsockopt(candidate, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        let status = Loopback.connect(candidate, port: port)
        if status != 0 {
            let error = errno
            Glibc.close(candidate)
            throw error == ECONNREFUSED ? Failure.refused : Failure.system(String(cString: strerror(error)))
        }
        descriptor = candidate
    }

    deinit {
        Glibc.close(descriptor)
    }

    /// Sends raw bytes.
    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard written > 0 else { throw Failure.system(String(cString: strerror(errno))) }
            offset += written
        }
    }

    /// Sends raw text.
    func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    /// Sends `GET target` on this connection.
    func sendGet(_ target: String, headers: String = "") throws {
        try send("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\(headers)\r\n")
    }

    /// Reads one response with a `Content-Length` body.
    func readResponse(within timeout: Duration = .seconds(10)) throws -> Response {
        let deadline = ContinuousClock.now + timeout
        var headEnd: Int?
        while headEnd == nil {
            headEnd = Self.find([13, 10, 13, 10], in: buffer)
            if headEnd == nil {
                guard try receive(before: deadline) else {
                    throw Failure.closedBeforeResponse(received: buffer.count)
                }
            }
        }
        guard let headEnd else { throw Failure.malformedResponse }
        let lines = String(decoding: buffer[..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
        buffer.removeFirst(headEnd + 4)
        let statusLine = lines[0].split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure.malformedResponse }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while buffer.count < length {
            guard try receive(before: deadline) else { throw Failure.closedBeforeResponse(received: buffer.count) }
        }
        let body = Array(buffer[..<length])
        buffer.removeFirst(length)
        return Response(status: status, headers: headers, body: body)
    }

    /// Reads until the server closes the connection and returns what arrived first (a reset counts as a
    /// close); throws `.timedOut` when it stays open past the timeout.
    func readUntilClosed(within timeout: Duration = .seconds(10)) throws -> [UInt8] {
        let deadline = ContinuousClock.now + timeout
        while try receive(before: deadline) {}
        defer { buffer = [] }
        return buffer
    }

    /// Whether bytes or a close arrive within the timeout, without consuming them.
    func hasSomethingToRead(within timeout: Duration) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, Int32(timeout / .milliseconds(1))) > 0
    }

    /// Waits for data before the deadline; false when the peer closed (or reset) the connection.
    private func receive(before deadline: ContinuousClock.Instant) throws -> Bool {
        let remaining = deadline - ContinuousClock.now
        guard remaining > .zero else { throw Failure.timedOut }
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&entry, 1, Int32(max(1, remaining / .milliseconds(1))))
        guard ready > 0 else { throw Failure.timedOut }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count < 0 {
            if errno == ECONNRESET { return false }
            throw Failure.system(String(cString: strerror(errno)))
        }
        if count == 0 { return false }
        buffer.append(contentsOf: chunk[..<count])
        return true
    }

    private static func find(_ marker: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= marker.count else { return nil }
        for index in 0...(bytes.count - marker.count) where bytes[index..<index + marker.count].elementsEqual(marker) {
            return index
        }
        return nil
    }
}
