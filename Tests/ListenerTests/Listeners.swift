import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2Posix
import OrderTLS
import OrderTesting
import OrderTransport
import Testing

/// A real `orderd` serving both protocols (`--grpc-port 0`) in a temporary data directory,
/// and grpc-swift's own HTTP/2 client for it.
struct Listeners: Sendable {
  let server: ServerProcess
  /// orderd's own protocol, HOST:PORT.
  let wireAddress: String
  /// Standard gRPC over HTTP/2.
  let http2Port: Int
  let rootKey: String

  /// Runs `body` against a fresh orderd started with `--grpc-port 0` and `arguments`; stops
  /// it (SIGKILL if the body has not stopped it) and deletes its data afterwards.
  static func with<Result: Sendable>(
    arguments: [String] = [], _ body: (Listeners) async throws -> Result
  ) async throws -> Result {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-grpc-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let server = try await ServerProcess.start(
      dataDirectory: directory, extraArguments: ["--grpc-port", "0"] + arguments)
    defer { server.stopBlocking(signal: SIGKILL) }
    let http2 = try await server.loggedAddress("orderd grpc-http2 listening")
    let port = try #require(http2.split(separator: ":").last.flatMap { Int($0) })
    let listeners = Listeners(
      server: server, wireAddress: server.address, http2Port: port, rootKey: try server.rootKey())
    return try await body(listeners)
  }

  /// Runs `body` with a grpc-swift HTTP/2 client of the gRPC port.
  func withHTTP2Client<Result: Sendable>(
    security: HTTP2ClientTransport.Posix.TransportSecurity = .plaintext,
    _ body: (GRPCClient<HTTP2ClientTransport.Posix>) async throws -> Result
  ) async throws -> Result {
    let transport = try HTTP2ClientTransport.Posix(
      target: .ipv4(address: "127.0.0.1", port: self.http2Port), transportSecurity: security)
    return try await withGRPCClient(transport: transport) { client in try await body(client) }
  }

  /// Runs `body` with a GRPCClient over orderd's own protocol, over TLS with `tls`.
  func withWireClient<Result: Sendable>(
    tls: ClientTLSFiles? = nil, _ body: (GRPCClient<WireTransport.Client>) async throws -> Result
  ) async throws -> Result {
    let parts = self.wireAddress.split(separator: ":")
    let port = try #require(parts.last.flatMap { Int($0) })
    var config = WireTransport.ClientConfig(connectTimeout: .seconds(5))
    config.connectionLayer = try tls?.wireLayer(host: "127.0.0.1")
    let transport = WireTransport.Client(target: .init(host: "127.0.0.1", port: port), config: config)
    return try await withGRPCClient(transport: transport) { client in try await body(client) }
  }
}

/// Call options for a call expected to fail fast: a short deadline, no waiting for a
/// connection that cannot be made.
func failingCallOptions() -> CallOptions {
  var options = CallOptions.defaults
  options.timeout = .seconds(5)
  options.waitForReady = false
  return options
}
