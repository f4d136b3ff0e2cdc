// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Plebiscite",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "plebiscite", targets: ["plebiscite"]),
        .library(name: "ElectionGuard", targets: ["ElectionGuard"]),
        .library(name: "ElectionRecord", targets: ["ElectionRecord"]),
        .library(name: "Verifier", targets: ["Verifier"]),
        .library(name: "Referendum", targets: ["Referendum"]),
        .library(name: "Forensics", targets: ["Forensics"]),
        .library(name: "RiskLimitingAudit", targets: ["RiskLimitingAudit"]),
        .library(name: "Demo", targets: ["Demo"]),
        // For the libFuzzer executables of Fuzz/, which build apart with -sanitize=fuzzer.
        .library(name: "FuzzTargets", targets: ["FuzzTargets"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGMP",
            pkgConfig: "gmp",
            providers: [.apt(["libgmp-dev"]), .brew(["gmp"])]
        ),
        // 4096-bit Montgomery arithmetic with AVX-512 IFMA, chosen at run time (GMP where the CPU lacks it).
        // Optimized in debug builds too: unoptimized intrinsics are 8 times slower than GMP, which would make
        // the tests crawl (unsafe flags are allowed for root and path dependencies, as Benchmarks/ and Fuzz/ are).
        .target(name: "CMontgomery", cSettings: [.unsafeFlags(["-O2"])]),
        .target(
            name: "ElectionGuard",
            dependencies: [
                "CGMP",
                "CMontgomery",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "ElectionRecord",
            dependencies: ["ElectionGuard"]
        ),
        .target(
            name: "Verifier",
            dependencies: ["ElectionRecord", "ElectionGuard", "CGMP", "CMontgomery", "RiskLimitingAudit"]
        ),
        .target(
            name: "Referendum",
            dependencies: [
                "ElectionGuard",
                "ElectionRecord",
                "RiskLimitingAudit",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The demo: synthetic voters and a whole referendum run through the engine; not domain logic.
        .target(
            name: "Demo",
            dependencies: ["Referendum", "ElectionGuard", "ElectionRecord"]
        ),
        .target(
            name: "Storage",
            dependencies: [
                "Referendum",
                "ElectionGuard",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Server",
            dependencies: [
                "Referendum",
                "Storage",
                "ElectionRecord",
                "ElectionGuard",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "Forensics",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The mathematics of risk-limiting audits: pure values, nothing of ours (like Forensics).
        .target(
            name: "RiskLimitingAudit",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        .executableTarget(
            name: "plebiscite",
            dependencies: [
                "ElectionGuard",
                "ElectionRecord",
                "Verifier",
                "Referendum",
                "Storage",
                "Server",
                "Forensics",
                "Demo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "FuzzTargets",
            dependencies: ["ElectionRecord", "Referendum", "Forensics"]
        ),
        .testTarget(
            name: "FuzzCorpusTests",
            dependencies: ["FuzzTargets"]
        ),
        .target(
            name: "TestSupport",
            dependencies: ["Storage", "Demo", .product(name: "PostgresNIO", package: "postgres-nio")],
            path: "Sources/TestSupport"
        ),
        .testTarget(
            name: "ElectionGuardTests",
            dependencies: ["ElectionGuard", "TestSupport"],
            resources: [.copy("TestVectors")]
        ),
        .testTarget(
            name: "ElectionRecordTests",
            dependencies: ["ElectionRecord"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "VerifierTests",
            dependencies: ["TestSupport", "Verifier", "ElectionRecord", "ElectionGuard", "Referendum", "Demo"]
        ),
        .testTarget(
            name: "ReferendumTests",
            dependencies: ["TestSupport", "Referendum", "Storage", "Verifier", "ElectionRecord", "Demo", "Forensics"]
        ),
        .executableTarget(
            name: "storage-load",
            dependencies: ["Storage", "Referendum", "ElectionGuard"]
        ),
        .testTarget(
            name: "StorageTests",
            dependencies: ["TestSupport", 
                "Storage",
                "Referendum",
                "ElectionGuard",
                "storage-load",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "ServerTests",
            dependencies: ["TestSupport", 
                "Server",
                "plebiscite",
                "Referendum",
                "Storage",
                "ElectionGuard",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "RiskLimitingAuditTests",
            dependencies: ["RiskLimitingAudit"]
        ),
        .testTarget(
            name: "ForensicsTests",
            dependencies: ["Forensics"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
