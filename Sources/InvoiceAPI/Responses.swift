import SandboxHTTP
import SandboxJSON

/// The one place that writes responses: errors in HighLevel's (NestJS's) shapes, and JSON bodies.
public enum Responses {
    /// The JSON content type every response carries.
    public static let contentType = "application/json; charset=utf-8"

    /// The response for an error.
    public static func error(_ error: APIError) -> HTTPResponse {
        switch error {
        case .invalidToken: body(401, Messages.invalidToken, withErrorName: true)
        case .versionMissing: body(401, Messages.versionMissing, withErrorName: false)
        case .versionInvalid: body(401, Messages.versionInvalid, withErrorName: false)
        case .scopeNotAuthorized: body(401, Messages.scopeNotAuthorized, withErrorName: false)
        case .locationForbidden: body(403, Messages.locationForbidden, withErrorName: false)
        case .validationFailed(let messages):
            json(
                422,
                [
                    "statusCode": 422, "message": .array(messages.map { .string($0) }),
                    "error": "Unprocessable Entity",
                ])
        case .badRequest(let message): body(400, message, withErrorName: false)
        case .invalidBody(let message): body(400, message, withErrorName: true)
        case .routeNotFound(let method, let target):
            // NestJS puts `message` first for its own 404.
            json(404, ["message": .string(Messages.cannot(method, target)), "error": "Not Found", "statusCode": 404])
        case .payloadTooLarge: body(413, Messages.payloadTooLarge, withErrorName: true)
        case .headersTooLarge: body(431, Messages.headersTooLarge, withErrorName: true)
        case .uriTooLong: body(414, Messages.uriTooLong, withErrorName: true)
        case .malformedRequest: body(400, Messages.malformedRequest, withErrorName: true)
        case .control(let status, let message): body(status, message, withErrorName: true)
        case .internalError: body(500, Messages.internalError, withErrorName: false)
        case .notEmulated(let method, let pattern):
            json(
                501,
                [
                    "statusCode": 501, "message": .string(Messages.notEmulated(method, pattern)),
                    "error": "Not Implemented",
                ])
        }
    }

    /// A 200 (or other) JSON response from already-encoded bytes.
    public static func json(status: Int = 200, bytes: [UInt8]) -> HTTPResponse {
        HTTPResponse(status: status, headers: jsonHeaders, body: bytes)
    }

    private static let jsonHeaders: HTTPHeaders = ["Content-Type": contentType]

    private static func body(_ status: Int, _ message: String, withErrorName: Bool) -> HTTPResponse {
        var object: JSONObject = ["statusCode": .number(Double(status)), "message": .string(message)]
        if withErrorName, let name = Messages.errorName(for: status) {
            object["error"] = .string(name)
        }
        return json(status, .object(object))
    }

    /// A JSON response from a value.
    public static func json(_ status: Int, _ value: JSONValue) -> HTTPResponse {
        json(status: status, bytes: JSONWriter.bytes(value))
    }
}
