// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "InvoiceSandbox",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "invoice-sandbox", targets: ["invoice-sandbox"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // C: libevent's headers and libraries, nothing else.
        .systemLibrary(
            name: "CLibevent",
            pkgConfig: "libevent",
            providers: [.apt(["libevent-dev"])]
        ),
        // Transport: HTTP over evhttp. No domain words.
        .target(name: "SandboxHTTP", dependencies: ["CLibevent"]),
        // JSON text <-> values, ordered objects, JavaScript-compatible output.
        .target(name: "SandboxJSON"),
        // Invoices, schedules, totals, status rules, the store. No HTTP words.
        .target(name: "InvoiceDomain", dependencies: ["SandboxJSON"]),
        // HighLevel's routes, auth, validation and error bodies.
        .target(
            name: "InvoiceAPI",
            dependencies: ["SandboxHTTP", "SandboxJSON", "InvoiceDomain"]
        ),
        .executableTarget(
            name: "invoice-sandbox",
            dependencies: [
                "SandboxHTTP", "InvoiceAPI", "InvoiceDomain",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Helpers for tests: a raw-socket HTTP client and a server on port 0.
        .target(
            name: "SandboxTesting",
            dependencies: ["SandboxHTTP", "SandboxJSON", "InvoiceAPI", "InvoiceDomain"]
        ),
        // Arbitrary bytes through the transport, the API, the JSON parser and writer and the seed records.
        .target(
            name: "SandboxFuzzing",
            dependencies: ["SandboxHTTP", "SandboxJSON", "InvoiceAPI", "InvoiceDomain", "SandboxTesting"]
        ),
        // C: the declaration of libFuzzer's driver, which the fuzzing build links from the toolchain.
        .systemLibrary(name: "CLibFuzzer"),
        // libFuzzer's target (make fuzz) or, in an ordinary build, a replayer of saved inputs.
        .executableTarget(name: "invoice-fuzz", dependencies: ["SandboxFuzzing", "CLibFuzzer"]),
        .testTarget(name: "SandboxJSONTests", dependencies: ["SandboxJSON"]),
        .testTarget(name: "SandboxHTTPTests", dependencies: ["SandboxHTTP", "SandboxTesting"]),
        .testTarget(name: "InvoiceDomainTests", dependencies: ["InvoiceDomain", "SandboxJSON"]),
        .testTarget(
            name: "InvoiceAPITests",
            dependencies: ["InvoiceAPI", "InvoiceDomain", "SandboxHTTP", "SandboxJSON", "SandboxTesting"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["SandboxTesting", "SandboxJSON", "InvoiceAPI", "InvoiceDomain", "SandboxHTTP"]
        ),
        // C, active only under -sanitize=thread: shows ThreadSanitizer the acquire and release inside
        // Synchronization.Mutex's contended path, which the toolchain does not instrument.
        .target(name: "CSanitizerAnnotations"),
        // Replays fuzz/corpus, fuzz/regressions and fuzz/open through the harness on every `swift test`.
        // Linux links every test target into one binary, so the annotations cover the whole suite from here.
        .testTarget(
            name: "FuzzRegressionTests",
            dependencies: [
                "SandboxFuzzing", "SandboxHTTP", "SandboxJSON", "SandboxTesting", "CSanitizerAnnotations",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
