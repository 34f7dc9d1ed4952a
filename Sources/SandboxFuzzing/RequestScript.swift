import SandboxHTTP

/// Requests written as text, for inputs that go straight to the API without a socket.
///
/// Each request is a line `METHOD target` (an ` HTTP/1.x` at its end is dropped), header lines `Name: value`,
/// an empty line and the body; a line holding only `%%` starts the next request. Line ends may be LF or CRLF.
/// A request whose method the transport does not know is skipped, since libevent would never deliver it.
enum RequestScript {
    /// At most this many requests run per input, so one input cannot run for long.
    static let maximumRequests = 16

    /// The requests of a script, in order.
    static func requests(_ bytes: ArraySlice<UInt8>) -> [HTTPRequest] {
        split(bytes, separator: Array("\n%%\n".utf8)).prefix(maximumRequests).compactMap(request)
    }

    /// One request: head lines up to the first empty line, then the body as it is.
    static func request(_ bytes: ArraySlice<UInt8>) -> HTTPRequest? {
        let (head, body) = headAndBody(bytes)
        var lines = head.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
            String(decoding: $0.last == UInt8(ascii: "\r") ? $0.dropLast() : $0, as: UTF8.self)
        }
        guard !lines.isEmpty else { return nil }
        let requestLine = lines.removeFirst()
        let parts = requestLine.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
        guard let method = HTTPMethod(rawValue: String(parts[0])) else { return nil }
        var target = parts.count > 1 ? String(parts[1]) : ""
        for version in [" HTTP/1.1", " HTTP/1.0"] where target.hasSuffix(version) {
            target.removeLast(version.count)
        }
        var headers = HTTPHeaders()
        for line in lines {
            let field = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let value = field.count > 1 ? String(field[1]) : ""
            headers.add(name: String(field[0]), value: trimmed(value))
        }
        return HTTPRequest(method: method, target: target, headers: headers, body: Array(body))
    }

    /// The bytes before the first empty line and those after it (no body when there is no empty line).
    private static func headAndBody(_ bytes: ArraySlice<UInt8>) -> (ArraySlice<UInt8>, ArraySlice<UInt8>) {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "\n") {
                var next = index + 1
                if next < bytes.endIndex, bytes[next] == UInt8(ascii: "\r") { next += 1 }
                if next < bytes.endIndex, bytes[next] == UInt8(ascii: "\n") {
                    let headEnd = index > bytes.startIndex && bytes[index - 1] == UInt8(ascii: "\r") ? index - 1 : index
                    return (bytes[bytes.startIndex..<headEnd], bytes[(next + 1)...])
                }
            }
            index += 1
        }
        return (bytes, [])
    }

    /// The pieces of `bytes` between occurrences of `separator`.
    static func split(_ bytes: ArraySlice<UInt8>, separator: [UInt8]) -> [ArraySlice<UInt8>] {
        var pieces: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index + separator.count <= bytes.endIndex {
            if bytes[index..<index + separator.count].elementsEqual(separator) {
                pieces.append(bytes[start..<index])
                index += separator.count
                start = index
            } else {
                index += 1
            }
        }
        pieces.append(bytes[start...])
        return pieces
    }

    /// Without leading and trailing spaces and tabs, as libevent stores header values.
    private static func trimmed(_ text: String) -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !isBlank($0) }), let last = text.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return String(text[first...last])
    }
}
