import GRPCCore
import OrderTLS
import OrderTransport

/// An ``OrderdClient`` over orderd's own TCP transport.
public typealias OrderdTCPClient = OrderdClient<WireTransport.Client>

extension OrderdClient where Transport == WireTransport.Client {
  /// Runs `body` with a client connected to `configuration.server` over TCP.
  ///
  /// The connection opens on the first call and reopens after it drops; it is closed
  /// gracefully when `body` returns or throws. With `configuration.tls` the connection runs
  /// over TLS (ALPN `orderd/1`); a CA, certificate or key file that cannot be used throws
  /// ``TLSSetupError`` before anything is sent.
  ///
  /// ```swift
  /// let configuration = OrderdClientConfiguration(server: .localDefault, apiKey: key)
  /// let clock = try await OrderdClient.withConnection(configuration) { client in
  ///   try await client.getClock()
  /// }
  /// ```
  public static func withConnection<Result: Sendable>(
    _ configuration: OrderdClientConfiguration,
    transportConfig: WireTransport.ClientConfig = WireTransport.ClientConfig(),
    isolation: isolated (any Actor)? = #isolation,
    _ body: (OrderdTCPClient) async throws -> Result
  ) async throws -> Result {
    let target = WireTransport.Address(host: configuration.server.host, port: configuration.server.port)
    var transportConfig = transportConfig
    if let tls = configuration.tls {
      transportConfig.connectionLayer = try tls.wireLayer(host: configuration.server.host)
    }
    let transport = WireTransport.Client(target: target, config: transportConfig)
    return try await Self.withConnection(
      transport: transport, configuration: configuration, isolation: isolation, body)
  }
}
