import SandboxHTTP

/// Who may use the control API (`/_sandbox/…`).
public enum ControlAccess: Sendable, Equatable {
    /// The header that carries the control token.
    public static let tokenHeader = "X-Sandbox-Token"

    /// Only `GET /_sandbox/health` answers; every other control route is an unknown route (404).
    case disabled
    /// Anyone who can reach the port (the default: the sandbox listens on loopback).
    case open
    /// Requests must carry this token in `X-Sandbox-Token`; HighLevel tokens never open it.
    case token(String)

    /// Throws the 401 unless the headers carry the control token (when one is configured).
    func authorize(_ headers: HTTPHeaders) throws(APIError) {
        guard case .token(let secret) = self else { return }
        guard let presented = headers[Self.tokenHeader], ConstantTime.equals(secret, presented) else {
            throw .control(status: 401, message: ControlMessages.controlTokenRequired)
        }
    }

    /// How the health answer describes it.
    var name: String {
        switch self {
        case .disabled: "disabled"
        case .open: "open"
        case .token: "token"
        }
    }
}
