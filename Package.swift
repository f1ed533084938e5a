// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6),
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "orderd",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "orderd", targets: ["orderd"]),
    .executable(name: "orderctl", targets: ["orderctl"]),
    .library(name: "OrderClient", targets: ["OrderClient"]),
    .library(name: "OrderTransport", targets: ["OrderTransport"]),
    .library(name: "OrderProtocol", targets: ["OrderProtocol"]),
    // For the benchmarks, which time the storage's own opening of an organization.
    .library(name: "OrderStorage", targets: ["OrderStorage"]),
    .library(name: "OrderDomain", targets: ["OrderDomain"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    .package(url: "https://github.com/grpc/grpc-swift-2.git", from: "2.4.3"),
    .package(url: "https://github.com/grpc/grpc-swift-protobuf.git", from: "2.4.1"),
    .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
    .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
    .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    .package(url: "https://github.com/grpc/grpc-swift-nio-transport.git", from: "2.9.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
    .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
    .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
  ],
  targets: [
    // The wire format: frames, preface, limits, compression. No gRPC, no domain.
    .target(
      name: "OrderWire",
      dependencies: [
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "CompressNIO", package: "compress-nio"),
      ],
      swiftSettings: swiftSettings
    ),
    // GRPCCore server and client transports over plain TCP with OrderWire framing.
    .target(
      name: "OrderTransport",
      dependencies: [
        "OrderWire",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Metrics", package: "swift-metrics"),
      ],
      swiftSettings: swiftSettings
    ),
    // TLS for both listeners and the clients (issue 12): NIOSSL contexts from PEM files, and the
    // hook that puts TLS under OrderTransport's framing. Kept apart so that OrderTransport, the
    // fuzzer and the lower layers build without BoringSSL.
    .target(
      name: "OrderTLS",
      dependencies: [
        "OrderTransport",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
      ],
      swiftSettings: swiftSettings
    ),
    // Generated protobuf messages and gRPC stubs (protocol/generate.sh). Never edited by hand.
    .target(
      name: "OrderProtocol",
      dependencies: [
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      swiftSettings: swiftSettings
    ),
    // The domain: plain values and decisions. No I/O, no clock reads.
    .target(
      name: "OrderDomain",
      swiftSettings: swiftSettings
    ),
    // Storage: SQLite through GRDB (the registry and one database per organization), or
    // PostgreSQL through postgres-nio (a schema per organization, issue 14).
    .target(
      name: "OrderStorage",
      dependencies: [
        "OrderDomain",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Metrics", package: "swift-metrics"),
      ],
      swiftSettings: swiftSettings
    ),
    // The use cases: one type each, domain values in and out, over a transaction scoped to
    // its caller. No gRPC, no protobuf.
    .target(
      name: "OrderWorkflows",
      dependencies: ["OrderDomain", "OrderStorage"],
      swiftSettings: swiftSettings
    ),
    // The service layer: RPC handlers that decode, call a workflow and encode; auth, the server.
    .target(
      name: "OrderServer",
      dependencies: [
        "OrderDomain",
        "OrderStorage",
        "OrderWorkflows",
        "OrderProtocol",
        "OrderTransport",
        "OrderTLS",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Metrics", package: "swift-metrics"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "UnixSignals", package: "swift-service-lifecycle"),
      ],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "orderd",
      dependencies: [
        "OrderServer",
        "OrderProtocol",
        "OrderStorage",
        "OrderDomain",
        "OrderTransport",
        "OrderTLS",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Metrics", package: "swift-metrics"),
        .product(name: "Prometheus", package: "swift-prometheus"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "UnixSignals", package: "swift-service-lifecycle"),
      ],
      swiftSettings: swiftSettings
    ),
    // The Swift client library and the CLI for tenant admins.
    .target(
      name: "OrderClient",
      dependencies: [
        "OrderProtocol",
        "OrderTransport",
        "OrderTLS",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
      ],
      path: "clients/swift/Sources/OrderClient",
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "orderctl",
      dependencies: [
        "OrderClient",
        "OrderTLS",
        "OrderProtocol",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        .product(name: "GRPCCore", package: "grpc-swift-2"),
      ],
      path: "clients/swift/Sources/orderctl",
      swiftSettings: swiftSettings
    ),
    // The fuzz harness: arbitrary bytes through the frame decoder and the server's connection
    // state (scripts/fuzz.sh), shared with the regression test.
    .target(
      name: "OrderFuzzing",
      dependencies: [
        "OrderWire", "OrderTransport",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOEmbedded", package: "swift-nio"),
      ],
      swiftSettings: swiftSettings
    ),
    // Plain build: replays inputs. Built with -DFUZZING and --sanitize=fuzzer: the fuzzer.
    .executableTarget(
      name: "orderd-fuzz",
      dependencies: ["OrderFuzzing"],
      swiftSettings: swiftSettings
    ),
    // Shared test helpers.
    .target(
      name: "OrderTesting",
      dependencies: [
        "OrderServer",
        "OrderProtocol",
        "OrderStorage",
        "OrderDomain",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCInProcessTransport", package: "grpc-swift-2"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ],
      path: "Tests/OrderTesting",
      swiftSettings: swiftSettings
    ),
    // The crash soak: client workload, coordinator and checker (Tests/SoakKit), and its
    // command (`crash-soak run|client`), used by scripts/crash-soak.sh and the short test.
    .target(
      name: "SoakKit",
      dependencies: [
        "OrderTesting", "OrderProtocol", "OrderTransport", "OrderDomain", "WireTesting",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      path: "Tests/SoakKit",
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "crash-soak",
      dependencies: ["SoakKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
      path: "Tests/CrashSoak",
      swiftSettings: swiftSettings
    ),
    // A raw client for tests of what a server does with any bytes.
    .target(
      name: "WireTesting",
      dependencies: [
        "OrderWire",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ],
      path: "Tests/WireTesting",
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "OrderWireTests",
      dependencies: [
        "OrderWire", "WireTesting", .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOTestUtils", package: "swift-nio"),
      ],
      resources: [.copy("Vectors")],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "OrderFuzzTests",
      dependencies: ["OrderFuzzing"],
      resources: [.copy("Regressions")],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "OrderTransportTests",
      dependencies: [
        "OrderTransport", "OrderWire", "WireTesting",
        .product(name: "MetricsTestKit", package: "swift-metrics"),
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOEmbedded", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "OrderDomainTests",
      dependencies: ["OrderDomain"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "OrderStorageTests",
      dependencies: [
        "OrderStorage", "OrderDomain", "OrderTesting", "OrderProtocol", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "NIOCore", package: "swift-nio"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "OrderWorkflowsTests",
      dependencies: ["OrderWorkflows", "OrderStorage", "OrderDomain", "OrderTesting"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "OrderClientTests",
      dependencies: [
        "OrderClient", "OrderProtocol",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCInProcessTransport", package: "grpc-swift-2"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "EndToEndTests",
      dependencies: [
        "OrderTesting", "OrderStorage", "WireTesting", "OrderWire", "SoakKit", "OrderClient", "OrderProtocol",
        "OrderTransport",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "OrderServerTests",
      dependencies: [
        "OrderServer", "OrderTesting", "OrderProtocol", "OrderDomain", "OrderStorage",
        .product(name: "MetricsTestKit", package: "swift-metrics"),
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      swiftSettings: swiftSettings
    ),
    // Standard gRPC over HTTP/2, TLS on both listeners and the health service, end to end
    // against a real orderd (issue 12).
    .testTarget(
      name: "ListenerTests",
      dependencies: [
        "OrderTesting", "OrderProtocol", "OrderClient", "OrderTransport", "OrderTLS",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "X509", package: "swift-certificates"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "SwiftASN1", package: "swift-asn1"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      swiftSettings: swiftSettings
    ),
  ]
)
