// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6),
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

// Benchmarks live in their own package so that the main build (and CI) never compiles them
// or the HTTP/2 transport they compare against.
let package = Package(
  name: "orderd-benchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "main", path: ".."),
    .package(url: "https://github.com/grpc/grpc-swift-2.git", exact: "2.4.3"),
    .package(url: "https://github.com/grpc/grpc-swift-nio-transport.git", exact: "2.9.2"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
    .package(url: "https://github.com/apple/swift-protobuf.git", exact: "1.39.0"),
    .package(url: "https://github.com/groue/GRDB.swift.git", exact: "7.10.0"),
  ],
  targets: [
    // What the benchmarks share: starting a release orderd, reading /proc, a pool of client
    // connections, latency samples, console output.
    .target(
      name: "BenchSupport",
      dependencies: [
        .product(name: "OrderClient", package: "main"),
        .product(name: "OrderProtocol", package: "main"),
        .product(name: "OrderTransport", package: "main"),
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "transport-bench",
      dependencies: [
        "BenchSupport",
        .product(name: "OrderTransport", package: "main"),
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCInProcessTransport", package: "grpc-swift-2"),
        .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: swiftSettings
    ),
    // The billing service against a real release orderd: the due-work run and the idle cost.
    .executableTarget(
      name: "billing-bench",
      dependencies: [
        "BenchSupport",
        .product(name: "OrderClient", package: "main"),
        .product(name: "OrderProtocol", package: "main"),
        .product(name: "OrderTransport", package: "main"),
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: swiftSettings
    ),
    // The whole server's call path against a real release orderd (real services, real
    // storage), beside SQLite's own commit ceiling measured on the same disk (issue 13).
    .executableTarget(
      name: "server-bench",
      dependencies: [
        "BenchSupport",
        .product(name: "OrderClient", package: "main"),
        .product(name: "OrderProtocol", package: "main"),
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
        .product(name: "OrderStorage", package: "main"),
        .product(name: "OrderDomain", package: "main"),
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: swiftSettings
    ),
  ]
)
