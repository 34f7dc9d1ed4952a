import InvoiceDomain

/// Every way a HighLevel route can refuse a request; `Responses` turns each into its exact body.
public enum APIError: Error, Equatable {
    /// The API's answer to a domain refusal.
    public init(_ error: DomainError) {
        switch error {
        case .invoiceNotFound: self = .badRequest(Messages.invoiceNotFound)
        case .scheduleNotFound: self = .badRequest(Messages.scheduleNotFound)
        case .duplicateId(let id): self = .badRequest("A record with id \(id) already exists")
        case .invoiceNotDraft: self = .badRequest(Messages.invoiceNotDraft)
        case .invoiceNotEditable(let status): self = .badRequest(Messages.invoiceNotEditable(status.rawValue))
        case .scheduleAlreadyCancelled: self = .badRequest(Messages.scheduleAlreadyCancelled)
        case .totalsOutOfRange: self = .badRequest(Messages.totalsOutOfRange)
        }
    }

    /// 401: missing, malformed or unknown bearer token.
    case invalidToken
    /// 401: no `Version` header.
    case versionMissing
    /// 401: a `Version` that is not accepted.
    case versionInvalid
    /// 401: the token lacks the route's scope.
    case scopeNotAuthorized
    /// 403: the token cannot use the location.
    case locationForbidden
    /// 422: every validation message, in order.
    case validationFailed([String])
    /// 400: a refusal with one message.
    case badRequest(String)
    /// 400: the body is not a JSON object (NestJS's body parser answers before routing).
    case invalidBody(String)
    /// 404: no route for this method and target.
    case routeNotFound(method: String, target: String)
    /// 413: the body is over the limit.
    case payloadTooLarge
    /// 431: the request line and headers are over the size or count limit.
    case headersTooLarge
    /// 414: the request target is over the length limit.
    case uriTooLong
    /// 400: the request is not valid HTTP.
    case malformedRequest
    /// 501: a documented operation the sandbox does not emulate yet.
    case notEmulated(method: String, pattern: String)
    /// A refusal of the sandbox's control API (`/_sandbox/…`): 400, 401, 404 or 409 with a message.
    case control(status: Int, message: String)
    /// 500: something unexpected; the detail is logged, never sent.
    case internalError(String)
}
