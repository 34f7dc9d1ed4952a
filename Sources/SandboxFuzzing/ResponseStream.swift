import SandboxJSON

/// Responses as read off a connection, split apart.
enum ResponseStream {
    /// One response.
    struct Response {
        var status: Int
        /// Header fields, names lowercased.
        var headers: [(name: String, value: String)]
        var body: [UInt8]
        /// False for the answer to a HEAD request, which announces a length but carries no body.
        var hasBody: Bool

        func header(_ name: String) -> String? {
            headers.first { $0.name == name }?.value
        }
    }

    /// What a connection's bytes hold.
    struct Split {
        var responses: [Response] = []
        /// Responses whose framing a client cannot follow.
        var framingProblems: [String] = []
        /// What was wrong with the end of the bytes when it is not a whole response (a reset may cause it).
        var incompleteEnd: String?
    }

    /// The start of the problem reported for a response without `Content-Length` followed by another response.
    static let unframedBodyFollowed = "a response without Content-Length, so ended by closing, is followed by"

    /// The responses in `bytes`.
    ///
    /// Any `HTTP/x.y` status line is read: libevent answers in the version of the request, so an `HTTP/0.1`
    /// request gets an `HTTP/0.1` status line. Interim `1xx` answers are skipped. A response whose announced
    /// body is missing, because the bytes end or the next status line starts right after its head, answered a
    /// HEAD request: a JSON body never starts with `HTTP/`. A response without `Content-Length` runs to the
    /// end of the connection; when another status line follows a JSON body anyway, that is reported and
    /// both are read.
    static func split(_ bytes: [UInt8]) -> Split {
        var split = Split()
        var position = 0
        while position < bytes.count {
            guard let headEnd = find(Array("\r\n\r\n".utf8), in: bytes, from: position) else {
                split.incompleteEnd = "an incomplete response head: \(ResponseInvariants.excerpt(bytes[position...]))"
                return split
            }
            let head = String(decoding: bytes[position..<headEnd], as: UTF8.self)
            var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
            let statusLine = lines.removeFirst()
            let parts = statusLine.split(separator: " ", maxSplits: 2)
            guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), parts[1].count == 3, let status = Int(parts[1])
            else {
                split.incompleteEnd = "not an HTTP response: \(ResponseInvariants.excerpt(bytes[position...]))"
                return split
            }
            let headers = lines.map { line -> (name: String, value: String) in
                let field = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                let value = field.count > 1 ? field[1].drop { $0 == " " } : ""
                return (field[0].lowercased(), String(value))
            }
            position = headEnd + 4
            if (100..<200).contains(status) { continue }
            var response = Response(status: status, headers: headers, body: [], hasBody: true)
            if let lengthText = response.header("content-length") {
                guard let length = Int(lengthText), length >= 0 else {
                    split.framingProblems.append("a bad Content-Length \(lengthText) in: \(head)")
                    return split
                }
                let rest = bytes[position...]
                if length > 0, rest.isEmpty || rest.starts(with: "HTTP/".utf8) {
                    response.hasBody = false
                } else {
                    guard rest.count >= length else {
                        split.incompleteEnd = "a body cut short after \(rest.count) of \(length) bytes"
                        return split
                    }
                    response.body = Array(bytes[position..<position + length])
                    position += length
                }
            } else if let next = nextResponseAfterJSON(in: bytes, from: position) {
                response.body = Array(bytes[position..<next])
                split.framingProblems.append(
                    "\(unframedBodyFollowed) another response on the same connection: \(head)")
                position = next
            } else {
                response.body = Array(bytes[position...])
                position = bytes.count
            }
            split.responses.append(response)
        }
        return split
    }

    /// Where a status line starts right after a JSON body that starts at `start`, if one does.
    private static func nextResponseAfterJSON(in bytes: [UInt8], from start: Int) -> Int? {
        var from = start
        while let candidate = find(Array("HTTP/".utf8), in: bytes, from: from) {
            if candidate > start, (try? JSONParser.parse(Array(bytes[start..<candidate]))) != nil {
                return candidate
            }
            from = candidate + 1
        }
        return nil
    }

    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= pattern.count, start <= bytes.count - pattern.count else { return nil }
        for index in start...(bytes.count - pattern.count)
        where bytes[index..<index + pattern.count].elementsEqual(pattern) {
            return index
        }
        return nil
    }
}
