import SandboxFuzzing
import SandboxTesting
import Testing

/// One saved input, named by its path under `fuzz/`.
struct SavedInput: CustomTestStringConvertible, Sendable {
    let path: String

    var name: String { String(path.dropFirst(SavedInput.root.count + 1)) }
    var testDescription: String { name }
    var bytes: [UInt8] { InputFiles.read(path) }

    static let root = RepositoryPaths.root + "/fuzz"

    /// The seed corpus and the inputs that once broke something.
    static let all: [SavedInput] = ["corpus", "regressions"].flatMap { folder in
        InputFiles.list("\(root)/\(folder)").filter { !$0.hasSuffix("/README.md") }.map(SavedInput.init)
    }
}

/// One harness (and live server) for the whole target; its inputs run one at a time anyway.
let sharedHarness: FuzzHarness = {
    do {
        return try FuzzHarness()
    } catch {
        fatalError("cannot start the fuzz harness: \(error)")
    }
}()

@Suite("Saved fuzz inputs")
struct SavedInputTests {
    @Test(
        "Every saved input is handled: no crash, no 5xx, JSON answers, a server that still answers",
        arguments: SavedInput.all)
    func savedInputIsHandled(input: SavedInput) {
        #expect(sharedHarness.check(input.bytes) == [])
    }

    @Test("The saved inputs reach every mode")
    func corpusCoversEveryMode() {
        let modes = Set(SavedInput.all.compactMap { $0.bytes.first }.map(FuzzMode.init(selector:)))
        #expect(modes == Set(FuzzMode.allCases))
    }
}
