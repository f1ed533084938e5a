import GRPCCore
import GRPCInProcessTransport
import OrderClient

/// Runs `body` with an ``OrderdClient`` connected in-process to `services`.
func withInProcessClient<Result: Sendable>(
  serving services: [any RegistrableRPCService],
  retry: CallRetryPolicy = CallRetryPolicy(initialBackoff: .milliseconds(1), maxBackoff: .milliseconds(5)),
  timeout: Duration = .seconds(30),
  _ body: (OrderdClient<InProcessTransport.Client>) async throws -> Result
) async throws -> Result {
  let transport = InProcessTransport()
  let configuration = OrderdClientConfiguration(apiKey: "test-key", defaultTimeout: timeout, retry: retry)
  return try await withGRPCServer(transport: transport.server, services: services) { _ in
    try await OrderdClient.withConnection(transport: transport.client, configuration: configuration, body)
  }
}
