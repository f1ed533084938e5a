import GRPCCore
import OrderClient
import OrderTransport

/// A few TCP connections to one orderd, shared by clients of many API keys: an organization's
/// calls need its own key, not its own connection.
public struct ClientPool: Sendable {
  public let server: ServerAddress
  public let callTimeout: Duration
  private let connections: [GRPCClient<WireTransport.Client>]

  /// A client that authenticates with `apiKey`, on connection `connection` (modulo the count).
  public func client(apiKey: String, connection: Int = 0) -> OrderdTCPClient {
    let configuration = OrderdClientConfiguration(
      server: self.server, apiKey: apiKey, defaultTimeout: self.callTimeout)
    return OrderdClient(wrapping: self.connections[connection % self.connections.count], configuration: configuration)
  }

  public var connectionCount: Int { self.connections.count }

  /// Connection `index` (modulo the count) itself, for clients made by the caller.
  public func connection(_ index: Int = 0) -> GRPCClient<WireTransport.Client> {
    self.connections[index % self.connections.count]
  }

  /// Runs `body` with `connections` connections to `server` (each opens on its first call),
  /// then closes them gracefully; when `body` throws, they are cancelled.
  public static func with<Result: Sendable>(
    server: ServerAddress,
    connections: Int,
    callTimeout: Duration,
    isolation: isolated (any Actor)? = #isolation,
    _ body: (ClientPool) async throws -> Result
  ) async throws -> Result {
    let target = WireTransport.Address(host: server.host, port: server.port)
    let clients = (0..<max(1, connections)).map { _ in
      GRPCClient(transport: WireTransport.Client(target: target))
    }
    let pool = ClientPool(server: server, callTimeout: callTimeout, connections: clients)
    return try await withThrowingDiscardingTaskGroup { group in
      for client in clients {
        group.addTask { try await client.runConnections() }
      }
      let result = try await body(pool)
      for client in clients { client.beginGracefulShutdown() }
      return result
    }
  }
}
