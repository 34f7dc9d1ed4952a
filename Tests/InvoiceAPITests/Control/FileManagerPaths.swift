import Foundation

/// Unique temporary paths for tests.
enum FileManagerPaths {
    static func temporary(_ name: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }
}
