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

    static func files(in folder: String) -> [SavedInput] {
        InputFiles.list("\(root)/\(folder)").map(SavedInput.init)
    }

    /// The seed corpus and the inputs that once broke something: all must pass.
    static let passing = files(in: "corpus") + files(in: "regressions")
    /// Inputs that show bugs reported in code outside the harness, not fixed yet.
    static let open = files(in: "open")
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
        "Every seed and regression is handled: no crash, no 5xx, JSON answers, a server that still answers",
        arguments: SavedInput.passing)
    func savedInputIsHandled(input: SavedInput) {
        #expect(sharedHarness.check(input.bytes) == [])
    }

    /// Fails once the bug is fixed: then move the input to fuzz/regressions and drop its `KnownIssue` case.
    @Test("Every open input still shows its known issue, and nothing else", arguments: SavedInput.open)
    func openInputStillShowsItsKnownIssue(input: SavedInput) {
        let violations = sharedHarness.check(input.bytes)
        #expect(violations.allSatisfy { $0.knownIssue != nil }, "\(violations)")
        withKnownIssue("reported, not fixed yet: \(violations.compactMap(\.knownIssue))") {
            #expect(violations.isEmpty)
        }
    }

    @Test("The saved inputs reach every mode")
    func corpusCoversEveryMode() {
        let modes = Set(SavedInput.passing.compactMap { $0.bytes.first }.map(FuzzMode.init(selector:)))
        #expect(modes == Set(FuzzMode.allCases))
    }

    @Test("Every known issue has an open input")
    func everyKnownIssueHasAnOpenInput() {
        let shown = Set(SavedInput.open.flatMap { sharedHarness.check($0.bytes).compactMap(\.knownIssue?.name) })
        #expect(shown == Set(KnownIssue.all.map(\.name)))
    }
}
