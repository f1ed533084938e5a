// swift-tools-version:6.1
// Builds the protoc plugins used by ../generate.sh, at the same versions the main package
// depends on. Kept separate so regenerating code never depends on the main package compiling.
import PackageDescription

let package = Package(
  name: "orderd-protoc-tools",
  dependencies: [
    .package(url: "https://github.com/apple/swift-protobuf.git", exact: "1.39.0"),
    .package(url: "https://github.com/grpc/grpc-swift-protobuf.git", exact: "2.4.1"),
  ],
  targets: []
)
