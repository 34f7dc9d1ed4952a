import SandboxJSON

/// `J` inputs: what the JSON parser and writer promise each other.
enum JSONInputs {
    /// Parsing the bytes and parsing them as a string agree; what parses writes to text that parses back to an
    /// equal value and writes again to the same text; the array scanner finds the elements the parser finds.
    static func run(_ bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        let parsed = Result { () throws(JSONParseError) in try JSONParser.parse(bytes) }
        if let text = String(validating: bytes, as: UTF8.self) {
            let fromText = Result { () throws(JSONParseError) in try JSONParser.parse(text) }
            if !agree(parsed, fromText) {
                problems.append("bytes parse to \(parsed) but the same text parses to \(fromText)")
            }
        }
        guard case .success(let value) = parsed else { return problems + scannerProblems(bytes, parsed: nil) }
        let written = JSONWriter.bytes(value)
        switch Result(catching: { () throws(JSONParseError) in try JSONParser.parse(written) }) {
        case .success(let reparsed):
            if reparsed != value {
                problems.append("written as \(excerpt(written)), which parses to a different value")
            }
            let rewritten = JSONWriter.bytes(reparsed)
            if rewritten != written {
                problems.append("written as \(excerpt(written)), then differently as \(excerpt(rewritten))")
            }
        case .failure(let error):
            problems.append("written as \(excerpt(written)), which does not parse: \(error)")
        }
        if value.description != String(decoding: written, as: UTF8.self) {
            problems.append("description differs from the written bytes")
        }
        return problems + scannerProblems(bytes, parsed: value)
    }

    /// The scanner must not trap; on a document that parses to an array it must find exactly its elements.
    private static func scannerProblems(_ bytes: [UInt8], parsed: JSONValue?) -> [String] {
        let ranges = Result { () throws(JSONParseError) in try JSONParser.arrayElementRanges(bytes) }
        guard case .array(let elements)? = parsed else { return [] }
        guard case .success(let ranges) = ranges else {
            return ["an array that parses is refused by the element scanner: \(ranges)"]
        }
        guard ranges.count == elements.count else {
            return ["the element scanner finds \(ranges.count) elements, the parser \(elements.count)"]
        }
        for (range, element) in zip(ranges, elements) {
            guard let scanned = try? JSONParser.parse(Array(bytes[range])), scanned == element else {
                return ["the element scanner's range \(range) does not hold the element \(element)"]
            }
        }
        return []
    }

    private static func agree(_ lhs: Result<JSONValue, JSONParseError>, _ rhs: Result<JSONValue, JSONParseError>)
        -> Bool
    {
        switch (lhs, rhs) {
        case (.success(let left), .success(let right)): left == right
        case (.failure(let left), .failure(let right)): left == right
        default: false
        }
    }

    private static func excerpt(_ bytes: [UInt8]) -> String {
        ResponseInvariants.excerpt(bytes)
    }
}
