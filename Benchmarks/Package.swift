// swift-tools-version: 6.1
import PackageDescription

// The benchmarks live in their own package so that `swift build` and `swift test` of Plebiscite never
// build the benchmark harness (as swift-crypto does). Build and run in release: see README.md.
let package = Package(
    name: "PlebisciteBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Plebiscite", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(
            name: "ReferendumWorkload",
            dependencies: [.product(name: "ElectionGuard", package: "Plebiscite")]
        ),
        .target(name: "CExponentiationCounter", linkerSettings: [.linkedLibrary("dl")]),
        .executableTarget(
            name: "ballot-workload",
            dependencies: [
                "ReferendumWorkload",
                "CExponentiationCounter",
                .product(name: "ElectionGuard", package: "Plebiscite"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "verify-workload",
            dependencies: [
                .product(name: "Verifier", package: "Plebiscite"),
                .product(name: "ElectionGuard", package: "Plebiscite"),
                .product(name: "Referendum", package: "Plebiscite"),
                .product(name: "Demo", package: "Plebiscite"),
                .product(name: "ElectionRecord", package: "Plebiscite"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "ElectionGuardBenchmarks",
            dependencies: [
                "ReferendumWorkload",
                .product(name: "ElectionGuard", package: "Plebiscite"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ElectionGuardBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
