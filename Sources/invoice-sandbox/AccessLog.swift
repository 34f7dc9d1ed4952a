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
        log(
            method: request.method.rawValue, path: Self.printable(request.rawPath), status: response.status,
            since: start)
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

    /// The path with control characters, spaces and non-ASCII bytes percent-encoded, so a request cannot
    /// forge or break log lines.
    static func printable(_ path: String) -> String {
        guard path.utf8.contains(where: { $0 <= 0x20 || $0 >= 0x7F }) else { return path }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in path.utf8 {
            if byte <= 0x20 || byte >= 0x7F {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
