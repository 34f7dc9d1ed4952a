import SandboxFuzzing

#if LIBFUZZER
    import CLibFuzzer
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// Started at the first input; the server it runs lives until the process exits.
private let harness: FuzzHarness = {
    do {
        return try FuzzHarness()
    } catch {
        fatalError("cannot start the fuzz harness: \(error)")
    }
}()

/// `invoice-fuzz`: with `-DLIBFUZZER` (and `-sanitize=fuzzer`), libFuzzer with its usual flags; otherwise a
/// replayer of the files and folders named on the command line.
///
/// SwiftPM gives an executable its own entry point and aliases `main` to it, so libFuzzer's `main` cannot be
/// used; this one hands the command line to libFuzzer's driver instead.
@main
enum InvoiceFuzz {
    static func main() {
        #if LIBFUZZER
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
        #else
            replay(Array(CommandLine.arguments.dropFirst()))
        #endif
    }

    /// libFuzzer's callback: one input, which must not break any invariant (`FuzzHarness.run` traps if it does).
    private static let fuzzOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32 = { data, size in
        harness.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }

    /// Runs every input and lists the invariants each breaks; exits 1 when any does.
    private static func replay(_ paths: [String]) -> Never {
        guard !paths.isEmpty else {
            print("usage: invoice-fuzz FILE-OR-FOLDER… (or build it for libFuzzer: make fuzz)")
            exit(2)
        }
        var failed = 0
        let files = paths.flatMap(InputFiles.list)
        for file in files {
            let violations = harness.check(InputFiles.read(file))
            guard !violations.isEmpty else { continue }
            failed += 1
            print("FAIL \(file)")
            for violation in violations {
                print("  \(violation)")
            }
        }
        print("\(files.count) inputs, \(failed) failed")
        exit(failed == 0 ? 0 : 1)
    }
}
