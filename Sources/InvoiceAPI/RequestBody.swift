import SandboxHTTP
import SandboxJSON

/// The body as NestJS's JSON body parser hands it to a route: parsed before routing and before any guard.
enum RequestBody {
    /// The JSON object of a request with a JSON content type; nil when there is no body or it is not JSON
    /// (the parser skips other content types, so the route sees an empty body).
    static func parse(_ request: HTTPRequest) throws(APIError) -> JSONObject? {
        guard !request.body.isEmpty, isJSON(request.headers["Content-Type"]) else { return nil }
        let value: JSONValue
        do {
            value = try JSONParser.parse(request.body)
        } catch {
            throw .invalidBody(error.reason == .invalidUTF8 ? Messages.bodyNotUTF8 : error.description)
        }
        guard case .object(let object) = value else { throw .invalidBody(Messages.bodyNotObject) }
        return object
    }

    /// `application/json`, with or without parameters, any case.
    static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first ?? ""
        return String(mediaType).trimmingASCIIWhitespace().lowercased() == "application/json"
    }
}
