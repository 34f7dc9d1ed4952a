import Foundation
import InvoiceDomain
import SandboxJSON

/// The file `--state-file` names: the whole state in the shape of `GET /_sandbox/state`, read at start and
/// written at a clean stop, so what clients wrote survives a restart.
public enum StateFile {
    /// The state in the file, or nil when the file does not exist.
    public static func read(path: String) throws(SeedError) -> SeedData? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SeedError(file: path, problem: "cannot be read")
        }
        let object: JSONObject
        do {
            guard case .object(let parsed) = try JSONParser.parse([UInt8](data)) else {
                throw SeedError(file: path, problem: "must hold a JSON object with tokens, invoices and schedules")
            }
            object = parsed
        } catch let error as SeedError {
            throw error
        } catch {
            throw SeedError(file: path, problem: "is not valid JSON: \(error)")
        }
        do throws(APIError) {
            return try ControlAPI.read(object, scope: nil)
        } catch {
            guard case .control(_, let message) = error else { throw SeedError(file: path, problem: "\(error)") }
            throw SeedError(file: path, problem: message)
        }
    }

    /// Writes the state atomically: to a temporary file beside `path`, then renamed over it.
    public static func write(_ state: SandboxState, to path: String) throws {
        let bytes = ControlAPI.export(state, locationId: nil)
        let url = URL(fileURLWithPath: path)
        try Data(bytes).write(to: url, options: .atomic)
    }
}
