import GRPCCore
import OrderClient
import OrderTransport

/// A few TCP connections to orderd (to one node, or spread over several), shared by clients of
/// many API keys: an organization's calls need its own key, not its own connection.
public struct ClientPool: Sendable {
  /// The server of connection 0.
  public var server: ServerAddress { self.servers[0] }
  public let callTimeout: Duration
  /// Connection `i` goes to `servers[i % servers.count]`.
  private let servers: [ServerAddress]
  private let connections: [GRPCClient<WireTransport.Client>]

  /// A client that authenticates with `apiKey`, on connection `connection` (modulo the count).
  public func client(apiKey: String, connection: Int = 0) -> OrderdTCPClient {
    let index = connection % self.connections.count
    let configuration = OrderdClientConfiguration(
      server: self.servers[index % self.servers.count], apiKey: apiKey, defaultTimeout: self.callTimeout)
    return OrderdClient(wrapping: self.connections[index], configuration: configuration)
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
    try await Self.with(
      servers: [server], connections: connections, callTimeout: callTimeout, isolation: isolation, body)
  }

  /// As ``with(server:connections:callTimeout:isolation:_:)``, connection `i` to
  /// `servers[i % servers.count]` (e.g. one connection per node).
  public static func with<Result: Sendable>(
    servers: [ServerAddress],
    connections: Int,
    callTimeout: Duration,
    isolation: isolated (any Actor)? = #isolation,
    _ body: (ClientPool) async throws -> Result
  ) async throws -> Result {
    precondition(!servers.isEmpty, "a pool needs a server")
    let clients = (0..<max(1, connections)).map { index in
      let server = servers[index % servers.count]
      return GRPCClient(
        transport: WireTransport.Client(target: WireTransport.Address(host: server.host, port: server.port)))
    }
    let pool = ClientPool(callTimeout: callTimeout, servers: servers, connections: clients)
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
