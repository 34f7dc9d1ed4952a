import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A blocking HTTP/1.1 client over one TCP connection, for tests: it sends bytes exactly as given.
public final class RawHTTPClient {
    /// A response as read off the wire.
    public struct Response: Sendable {
        /// The status line, e.g. `HTTP/1.1 200 OK`.
        public var statusLine: String
        /// The status code.
        public var status: Int
        /// The header fields, names lowercased.
        public var headers: [(name: String, value: String)]
        /// The body bytes.
        public var body: [UInt8]

        /// The first value of a header, by lowercase name.
        public func header(_ name: String) -> String? {
            headers.first { $0.name == name.lowercased() }?.value
        }

        /// The body as text.
        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// What went wrong talking to the server.
    public struct Failure: Error, CustomStringConvertible {
        /// What happened.
        public let description: String
    }

    private let socket: Int32
    private var buffer: [UInt8] = []

    /// Connects to 127.0.0.1 on the port, with a receive timeout so a test never hangs.
    public init(port: Int, timeoutSeconds: Int = 10) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket() failed") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let status = Loopback.connect(socket, port: port)
        guard status == 0 else {
            // No close here: every stored property is set, so deinit runs and closes the socket. Closing it
            // twice could close a descriptor another thread has been given meanwhile.
            throw Failure(description: "connect to port \(port) failed: \(String(cString: strerror(errno)))")
        }
    }

    deinit {
        close(socket)
    }

    /// Sends raw bytes.
    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes {
                Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard written > 0 else { throw Failure(description: "send failed: \(String(cString: strerror(errno)))") }
            offset += written
        }
    }

    /// Sends raw text.
    public func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    /// Sends a request with `Content-Length` when there is a body and reads the response.
    public func request(
        _ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8]? = nil
    ) throws -> Response {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers {
            head += "\(name): \(value)\r\n"
        }
        if let body {
            head += "Content-Length: \(body.count)\r\n"
        }
        head += "\r\n"
        try send(Array(head.utf8) + (body ?? []))
        return try readResponse(method: method)
    }

    /// Reads one response; a HEAD response has no body whatever its Content-Length says.
    public func readResponse(method: String = "GET") throws -> Response {
        let headerEnd = try readUntilHeaderEnd()
        let headText = String(decoding: buffer[..<headerEnd], as: UTF8.self)
        buffer.removeFirst(headerEnd + 4)
        var lines = headText.components(separatedBy: "\r\n")
        let firstLine = lines.removeFirst()
        let statusLine = firstLine.split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw Failure(description: "bad status line in \(headText)")
        }
        let headers = lines.compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (
                line[..<colon].lowercased(),
                line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            )
        }
        var response = Response(statusLine: firstLine, status: status, headers: headers, body: [])
        if method == "HEAD" { return response }
        if let lengthText = response.header("content-length"), let length = Int(lengthText) {
            while buffer.count < length {
                guard try receive() else { throw Failure(description: "connection closed inside the body") }
            }
            response.body = Array(buffer[..<length])
            buffer.removeFirst(length)
        } else {
            while try receive() {}
            response.body = buffer
            buffer = []
        }
        return response
    }

    /// True when the server has closed the connection (reads end of stream).
    public func isClosedByPeer() throws -> Bool {
        if !buffer.isEmpty { return false }
        return try !receive()
    }

    private func readUntilHeaderEnd() throws -> Int {
        let marker: [UInt8] = [13, 10, 13, 10]
        var searchFrom = 0
        while true {
            if buffer.count >= 4 {
                for index in searchFrom...(buffer.count - 4) where Array(buffer[index..<index + 4]) == marker {
                    return index
                }
                searchFrom = max(0, buffer.count - 3)
            }
            guard try receive() else { throw Failure(description: "connection closed before a response") }
        }
    }

    private func receive() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        if count < 0 { throw Failure(description: "recv failed: \(String(cString: strerror(errno)))") }
        if count == 0 { return false }
        buffer.append(contentsOf: chunk[..<count])
        return true
    }
}
