import BenchSupport
import GRPCCore
import GRPCInProcessTransport
import GRPCNIOTransportHTTP2
import OrderTransport

/// Starts echo servers and clients for each transport.
enum EchoEndpoints {
  /// Serves the echo service over `kind` on `host:port` (port 0: any free port) while `body`
  /// runs with the bound port, then shuts the server down.
  static func withServer<Result: Sendable>(
    _ kind: TransportKind,
    host: String,
    port: Int,
    _ body: (Int) async throws -> Result
  ) async throws -> Result {
    switch kind {
    case .ours:
      let transport = WireTransport.Server(address: .ipv4(host: host, port: port))
      return try await withGRPCServer(transport: transport, services: [EchoService()]) { _ in
        try await body(try await transport.listeningAddress.port)
      }
    case .http2:
      let transport = HTTP2ServerTransport.Posix(address: .ipv4(host: host, port: port), transportSecurity: .plaintext)
      return try await withGRPCServer(transport: transport, services: [EchoService()]) { _ in
        guard let bound = try await transport.listeningAddress.ipv4 else {
          throw RPCError(code: .internalError, message: "the HTTP/2 server is not bound to an IPv4 address")
        }
        return try await body(bound.port)
      }
    case .inprocess:
      throw RPCError(code: .invalidArgument, message: "the in-process transport cannot serve another process")
    }
  }

  /// Runs `body` with a client of `kind` connected to `host:port`; one connection, shared by
  /// every call `body` makes.
  static func withClient<Result: Sendable>(
    _ kind: TransportKind,
    host: String,
    port: Int,
    _ body: (any EchoCaller) async throws -> Result
  ) async throws -> Result {
    switch kind {
    case .ours:
      let transport = WireTransport.Client(target: .ipv4(host: host, port: port))
      return try await withGRPCClient(transport: transport) { try await body(GRPCEchoCaller(client: $0)) }
    case .http2:
      let transport = try HTTP2ClientTransport.Posix(
        target: .ipv4(address: host, port: port),
        transportSecurity: .plaintext
      )
      return try await withGRPCClient(transport: transport) { try await body(GRPCEchoCaller(client: $0)) }
    case .inprocess:
      throw RPCError(code: .invalidArgument, message: "the in-process transport cannot reach another process")
    }
  }

  /// Runs `body` with a client connected to an echo server in this process.
  static func withPair<Result: Sendable>(
    _ kind: TransportKind,
    host: String,
    _ body: (any EchoCaller) async throws -> Result
  ) async throws -> Result {
    guard kind.isNetworked else {
      let transport = InProcessTransport()
      return try await withGRPCServer(transport: transport.server, services: [EchoService()]) { _ in
        try await withGRPCClient(transport: transport.client) { try await body(GRPCEchoCaller(client: $0)) }
      }
    }
    return try await Self.withServer(kind, host: host, port: 0) { port in
      try await Self.withClient(kind, host: host, port: port, body)
    }
  }
}
