import GRPCCore
import OrderTransport

/// Runs an echo server on 127.0.0.1 (a free port) and a client connected to it.
func withEcho<T: Sendable>(
  server serverConfig: WireTransport.ServerConfig = .init(),
  client clientConfig: WireTransport.ClientConfig = .init(),
  probe: Probe = Probe(),
  _ body: (GRPCClient<WireTransport.Client>, WireTransport.Server) async throws -> T
) async throws -> T {
  let server = WireTransport.Server(address: .ipv4(host: "127.0.0.1", port: 0), config: serverConfig)
  return try await withGRPCServer(transport: server, services: [EchoService(probe: probe)]) { _ in
    let port = try await server.listeningAddress.port
    let client = WireTransport.Client(target: .ipv4(host: "127.0.0.1", port: port), config: clientConfig)
    return try await withGRPCClient(transport: client) { grpc in
      try await body(grpc, server)
    }
  }
}

extension GRPCClient {
  /// A unary call on the echo service, returning the response message.
  func echo(
    _ message: String,
    method: MethodDescriptor = EchoService.Method.get,
    metadata: Metadata = [:],
    options: CallOptions = .defaults
  ) async throws -> String {
    try await self.unary(
      request: ClientRequest(message: message, metadata: metadata),
      descriptor: method,
      serializer: StringCoder(),
      deserializer: StringCoder(),
      options: options
    ) { try $0.message }
  }
}

extension CallOptions {
  /// Retries UNAVAILABLE (a refused or not-processed call) a few times, quickly.
  static var retryingUnavailable: CallOptions {
    var options = CallOptions.defaults
    options.executionPolicy = .retry(
      RetryPolicy(
        maxAttempts: 5,
        initialBackoff: .milliseconds(10),
        maxBackoff: .milliseconds(50),
        backoffMultiplier: 2,
        retryableStatusCodes: [.unavailable]
      )
    )
    return options
  }
}
