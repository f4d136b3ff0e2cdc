// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Plebiscite",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "plebiscite", targets: ["plebiscite"]),
        .library(name: "ElectionGuard", targets: ["ElectionGuard"]),
        .library(name: "Forensics", targets: ["Forensics"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CGMP",
            pkgConfig: "gmp",
            providers: [.apt(["libgmp-dev"]), .brew(["gmp"])]
        ),
        .target(
            name: "ElectionGuard",
            dependencies: [
                "CGMP",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "Forensics",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "plebiscite",
            dependencies: [
                "ElectionGuard",
                "Forensics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ElectionGuardTests",
            dependencies: ["ElectionGuard"],
            resources: [.copy("TestVectors")]
        ),
        .testTarget(
            name: "ForensicsTests",
            dependencies: ["Forensics"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
