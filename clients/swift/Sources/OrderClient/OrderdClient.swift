import GRPCCore
import OrderProtocol

/// A client of the orderd API: typed calls to every service, authenticated with one API key.
///
/// Get one from ``withConnection(transport:configuration:isolation:_:)`` (or, over TCP,
/// `withConnection(_:isolation:_:)`), which runs the connection for the duration of the
/// closure, so nothing outlives it. Each call:
/// - carries `authorization: Bearer <key>`;
/// - has a deadline: the configuration's default timeout unless the call passes its own;
/// - is retried while the server is `UNAVAILABLE`, within that deadline;
/// - when it changes state (`Create*`, `Revoke*`, `PlaceOrder`, `RetryOrder`, `CancelOrder`,
///   `ChangeSubscription`, `Resync*`, `PayInvoice`, `SetVendorBehavior`, `AdvanceClock`),
///   carries an `idempotency-key` drawn once per logical call and reused by every retry, so
///   the server performs it at most once.
///
/// Failures are thrown as `RPCError`, whose code is the server's status.
public struct OrderdClient<Transport: ClientTransport>: Sendable {
  /// The configuration the client was created with.
  public let configuration: OrderdClientConfiguration
  let grpc: GRPCClient<Transport>

  /// Wraps a `GRPCClient` whose connections the caller runs (`runConnections()`).
  public init(wrapping grpc: GRPCClient<Transport>, configuration: OrderdClientConfiguration) {
    self.grpc = grpc
    self.configuration = configuration
  }
}

extension OrderdClient {
  /// Runs `body` with a client over `transport`, running the transport's connections until
  /// `body` returns, then shutting them down gracefully.
  public static func withConnection<Result: Sendable>(
    transport: Transport,
    configuration: OrderdClientConfiguration,
    isolation: isolated (any Actor)? = #isolation,
    _ body: (OrderdClient<Transport>) async throws -> Result
  ) async throws -> Result {
    try await withGRPCClient(transport: transport, isolation: isolation) { grpc in
      try await body(OrderdClient(wrapping: grpc, configuration: configuration))
    }
  }
}
