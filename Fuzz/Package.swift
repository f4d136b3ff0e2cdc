// swift-tools-version: 6.1
// libFuzzer targets for Plebiscite's decoders, kept out of the main build (docs/server.md, "Fuzzing").
// Build and run one with `scripts/fuzz.sh TARGET SECONDS`; the script passes
// `-Xswiftc -sanitize=fuzzer,address` and the scratch path .build-fuzz.
import PackageDescription

/// Each target is one executable exporting `LLVMFuzzerTestOneInput`; the work is in the main package's FuzzTargets.
let targets = [
    "json", "constants", "manifest", "config", "initialized", "ballot", "encrypted-tally", "tally",
    "ballot-chain", "trustee", "referendum-files", "definition", "register", "audit-csv", "audit-profile", "ceremony", "paper",
    "station-upload",
]

let package = Package(
    name: "PlebisciteFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Plebiscite", path: ".."),
    ],
    targets: [
        .target(name: "CLibFuzzer"),
        // The cases themselves are the main package's FuzzTargets (swift test replays Tests/FuzzCorpus
        // through them); this package adds only libFuzzer's driver.
        .target(
            name: "FuzzDriver",
            dependencies: ["CLibFuzzer", .product(name: "FuzzTargets", package: "Plebiscite")]
        ),
    ] + targets.map { name in
        .executableTarget(name: "fuzz-\(name)", dependencies: ["FuzzDriver", .product(name: "FuzzTargets", package: "Plebiscite")],
                         path: "Sources/Entry/\(name)")
    },
    swiftLanguageModes: [.v6]
)
