/// Every message a client can receive, defined once; tests compare against these.
public enum Messages {
    /// 401 for a missing, malformed or unknown bearer token.
    public static let invalidToken = "Invalid token: access token is invalid"
    /// 401 when the `Version` header is absent.
    public static let versionMissing = "version header was not found."
    /// 401 when the `Version` header holds a version that is not accepted.
    public static let versionInvalid = "version header is invalid"
    /// 401 when the token lacks the route's scope.
    public static let scopeNotAuthorized = "The token is not authorized for this scope."
    /// 403 when the token cannot use the `altId` location.
    public static let locationForbidden = "The token does not have access to this location."
    /// 400 for an invoice id that does not exist in the location.
    public static let invoiceNotFound = "Unable to find an invoice with the given invoice id"
    /// 400 for a schedule id that does not exist in the location.
    public static let scheduleNotFound = "Unable to find an invoice schedule with the given schedule id"
    /// 400 for deleting an invoice that is not a draft.
    public static let invoiceNotDraft = "Invoice status need to be draft to delete an invoice"
    /// 400 for cancelling a schedule twice.
    public static let scheduleAlreadyCancelled = "Invoice schedule is already cancelled"
    /// 400 for quantities and amounts whose total no JSON number can carry.
    public static let totalsOutOfRange = "Invoice totals are out of range"
    /// 400 for a JSON body with invalid UTF-8.
    public static let bodyNotUTF8 = "Request body is not valid UTF-8"
    /// 400 for a JSON body that is valid JSON but not an object.
    public static let bodyNotObject = "Request body must be a JSON object"

    /// 400 for updating an invoice whose status does not allow it.
    public static func invoiceNotEditable(_ status: String) -> String {
        "Invoice with status \(status) can not be updated"
    }

    /// 413 for a body over the limit (the wording of NestJS's body parser).
    public static let payloadTooLarge = "request entity too large"
    /// 431 for a request line and headers over the size or count limit.
    public static let headersTooLarge = "Request header fields too large"
    /// 414 for a request target over the length limit.
    public static let uriTooLong = "URI too long"
    /// 400 for a request that is not valid HTTP.
    public static let malformedRequest = "Malformed HTTP request"
    /// 500 for anything unexpected (NestJS's wording); the cause goes to the log.
    public static let internalError = "Internal server error"

    /// 404 for a method and target no route serves (NestJS's wording).
    public static func cannot(_ method: String, _ target: String) -> String {
        "Cannot \(method) \(target)"
    }

    /// 501 for an operation HighLevel documents that the sandbox does not emulate yet.
    public static func notEmulated(_ method: String, _ pattern: String) -> String {
        "\(method) \(pattern) is documented by HighLevel but not emulated by InvoiceSandbox yet"
    }

    /// The `error` field that goes with a status, as NestJS names it.
    public static func errorName(for status: Int) -> String? {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 409: "Conflict"
        case 413: "Payload Too Large"
        case 414: "URI Too Long"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        case 422: "Unprocessable Entity"
        default: nil
        }
    }
}
