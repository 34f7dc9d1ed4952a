import Logging
import SandboxHTTP

/// Logs one line per request: method, path, status and microseconds. Never headers, so never a token.
struct AccessLog: HTTPResponder {
    let wrapping: any HTTPResponder
    let logger: Logger

    func respond(to request: HTTPRequest) -> HTTPResponse {
        guard logger.logLevel <= .info else { return wrapping.respond(to: request) }
        let start = ContinuousClock.now
        let response = wrapping.respond(to: request)
        log(method: request.method.rawValue, path: request.path, status: response.status, since: start)
        return response
    }

    func respond(toUnreadable failure: UnreadableRequest) -> HTTPResponse {
        let start = ContinuousClock.now
        let response = wrapping.respond(toUnreadable: failure)
        log(method: "-", path: "-", status: response.status, since: start)
        return response
    }

    private func log(method: String, path: String, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        logger.info("\(method) \(path) \(status) \(micros)us")
    }
}
