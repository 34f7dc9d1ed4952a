import SandboxJSON

/// What every answer of the sandbox must look like, whatever it was asked.
///
/// A status below 500 (or the 501 of an operation HighLevel documents and the sandbox does not emulate), a JSON
/// content type, a body that is JSON, and in an error body a `statusCode` equal to the status.
enum ResponseInvariants {
    /// The `error` of the one 5xx the sandbox sends on purpose.
    static let notEmulatedError = "Not Implemented"

    /// The broken invariants of one response; `hasBody` is false for the answer to a HEAD request.
    static func problems(status: Int, contentType: String?, body: [UInt8], hasBody: Bool = true) -> [String] {
        var problems: [String] = []
        guard hasBody else {
            if status >= 500 { problems.append("status \(status)") }
            return problems
        }
        if !isJSON(contentType) {
            problems.append("status \(status) with content type \(contentType ?? "(none)")")
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(body)
        } catch {
            problems.append("status \(status) with a body that is not JSON (\(error)): \(excerpt(body))")
            return problems
        }
        if status >= 500, !(status == 501 && value["error"]?.stringValue == notEmulatedError) {
            problems.append("status \(status): \(excerpt(body))")
        }
        if let statusCode = value["statusCode"], statusCode.intValue != status {
            problems.append("status \(status) but statusCode \(statusCode) in the body: \(excerpt(body))")
        }
        return problems
    }

    /// `application/json` with or without parameters.
    static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        return contentType.lowercased().hasPrefix("application/json")
    }

    /// The start of some bytes as text, for messages.
    static func excerpt(_ bytes: some Collection<UInt8>, limit: Int = 300) -> String {
        let text = String(decoding: bytes.prefix(limit), as: UTF8.self)
        return bytes.count > limit ? text + "…" : text
    }
}
