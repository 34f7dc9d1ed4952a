import Foundation

/// Saved inputs on disk: the seed corpus, the regressions, or what libFuzzer wrote.
public enum InputFiles {
    /// The files of a folder, sorted (hidden files and Markdown notes skipped), or the path itself when it is a
    /// file.
    public static func list(_ path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            return [path]
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted().map {
            (path as NSString).appendingPathComponent($0)
        }
    }

    /// A file's bytes (none when it cannot be read).
    public static func read(_ path: String) -> [UInt8] {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
    }
}
