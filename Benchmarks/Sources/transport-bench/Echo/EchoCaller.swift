import BenchSupport
import GRPCCore

/// Something that makes one echo call; the load generator needs nothing else.
protocol EchoCaller: Sendable {
  /// Sends `payload` and returns the echoed bytes.
  func echo(_ payload: [UInt8]) async throws -> [UInt8]
}

/// Echo calls through a `GRPCClient`, whatever its transport.
struct GRPCEchoCaller<Transport: ClientTransport>: EchoCaller {
  let client: GRPCClient<Transport>

  func echo(_ payload: [UInt8]) async throws -> [UInt8] {
    try await self.client.unary(
      request: ClientRequest(message: payload),
      descriptor: EchoService.echo,
      serializer: RawBytesCoder(),
      deserializer: RawBytesCoder(),
      options: .defaults
    ) { try $0.message }
  }
}
