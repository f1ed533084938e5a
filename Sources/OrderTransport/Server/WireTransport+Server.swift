public import GRPCCore
import Logging
public import NIOCore
import NIOPosix
import OrderWire
import Synchronization

extension WireTransport {
  /// A gRPC server transport over TCP with the OrderWire framing.
  ///
  /// ```swift
  /// let transport = WireTransport.Server(address: .ipv4(host: "127.0.0.1", port: 0))
  /// try await withGRPCServer(transport: transport, services: [EchoService()]) { server in
  ///   let port = try await transport.listeningAddress.port
  ///   // ...
  /// }
  /// ```
  public final class Server: ServerTransport, Sendable {
    public typealias Bytes = WireTransport.Bytes

    private struct State {
      var serverChannel: (any Channel)?
      var boundAddress: Result<Address, any Error>?
      var addressWaiters: [CheckedContinuation<Address, any Error>] = []
      var connections: [ObjectIdentifier: ServerConnection] = [:]
      /// Connections counted against `maxConnections` (admitted, not yet ended).
      var admitted = 0
      /// Refusing connections over the cap (logged once per episode).
      var refusing = false
      var isShuttingDown = false
    }

    public let address: Address
    public let config: ServerConfig
    private let eventLoopGroup: any EventLoopGroup
    private let state = Mutex(State())

    /// - Parameters:
    ///   - address: Where to listen; port 0 binds a free port (see ``listeningAddress``).
    ///   - config: Limits, compression, backpressure, logging.
    ///   - eventLoopGroup: The NIO event loops to run on.
    public init(
      address: Address,
      config: ServerConfig = ServerConfig(),
      eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
      self.address = address
      self.config = config
      self.eventLoopGroup = eventLoopGroup
    }

    /// The address the server is bound to, once `listen` has bound it (waits until then).
    public var listeningAddress: Address {
      get async throws {
        try await withCheckedThrowingContinuation { continuation in
          let ready = self.state.withLock { state -> Result<Address, any Error>? in
            if let bound = state.boundAddress { return bound }
            state.addressWaiters.append(continuation)
            return nil
          }
          if let ready { continuation.resume(with: ready) }
        }
      }
    }

    public func listen(
      streamHandler: @escaping @Sendable (RPCStream<Inbound, Outbound>, ServerContext) async -> Void
    ) async throws {
      let config = self.config
      let serverChannel: NIOAsyncChannel<FrameChannel, Never>
      do {
        serverChannel = try await ServerBootstrap(group: self.eventLoopGroup)
          .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
          .serverChannelInitializer { channel in
            channel.eventLoop.makeCompletedFuture {
              try channel.pipeline.syncOperations.addHandler(AcceptGuard(logger: config.logger))
            }
          }
          .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
          .bind(host: self.address.host, port: self.address.port) { channel in
            channel.eventLoop.makeCompletedFuture {
              try config.connectionLayer?.install(channel)
              return try FrameChannelSetup.wrap(channel, limits: config.limits.wire, backpressure: config.backpressure)
            }
          }
      } catch {
        self.resolveAddress(.failure(error))
        throw error
      }
      let port = serverChannel.channel.localAddress?.port ?? self.address.port
      self.resolveAddress(.success(Address(host: self.address.host, port: port)))
      let shutDownAlready = self.state.withLock { state in
        state.serverChannel = serverChannel.channel
        return state.isShuttingDown
      }
      if shutDownAlready { serverChannel.channel.close(promise: nil) }

      try await withThrowingDiscardingTaskGroup { group in
        try await serverChannel.executeThenClose { connections in
          for try await channel in connections {
            if self.admit() {
              group.addTask { await self.serve(channel, streamHandler: streamHandler) }
            } else {
              group.addTask { await self.refuse(channel) }
            }
          }
        }
      }
    }

    /// Stops accepting connections and sends GOAWAY on each; in-flight calls finish, then
    /// each connection closes and `listen` returns.
    public func beginGracefulShutdown() {
      let (channel, connections) = self.state.withLock { state in
        state.isShuttingDown = true
        return (state.serverChannel, Array(state.connections.values))
      }
      channel?.close(promise: nil)
      for connection in connections { connection.beginGracefulShutdown() }
    }

    /// Sends GOAWAY on every open connection but keeps listening: clients finish their calls
    /// there and open new connections for new calls.
    func drainConnections() {
      let connections = self.state.withLock { Array($0.connections.values) }
      for connection in connections { connection.beginGracefulShutdown() }
    }

    /// Counts a new connection in if the server is under its cap.
    private func admit() -> Bool {
      self.state.withLock { state in
        guard state.admitted < self.config.connections.maxConnections else { return false }
        state.admitted += 1
        return true
      }
    }

    private func serve(
      _ channel: FrameChannel,
      streamHandler: @escaping @Sendable (RPCStream<Inbound, Outbound>, ServerContext) async -> Void
    ) async {
      let connection = ServerConnection(config: self.config, channel: channel.channel)
      let key = ObjectIdentifier(connection)
      let shuttingDown = self.state.withLock { state in
        state.connections[key] = connection
        return state.isShuttingDown
      }
      if shuttingDown { connection.beginGracefulShutdown() }
      self.config.logger.trace("connection from \(connection.remotePeer)")
      self.config.metrics.connectionOpened()
      await connection.run(channel, streamHandler: streamHandler)
      self.config.metrics.connectionClosed()
      self.config.logger.trace("connection from \(connection.remotePeer) closed")
      self.state.withLock { state in
        state.connections.removeValue(forKey: key)
        state.admitted -= 1
        if state.admitted < self.config.connections.maxConnections, state.refusing {
          state.refusing = false
          self.config.logger.notice("accepting connections again (\(state.admitted) open)")
        }
      }
    }

    /// Over the cap: the server's preface and GOAWAY NO_ERROR (nothing was processed, so a
    /// client may retry later), then close. Logged once per episode.
    private func refuse(_ channel: FrameChannel) async {
      let limit = self.config.connections.maxConnections
      let firstRefusal = self.state.withLock { state in
        defer { state.refusing = true }
        return !state.refusing
      }
      if firstRefusal {
        self.config.logger.warning(
          "refusing connections: \(limit) are open (--max-connections); clients get GOAWAY and may retry")
      }
      var buffer = channel.channel.allocator.buffer(capacity: 128)
      FrameEncoder.encode(.preface(Preface(maxConcurrentStreams: 0)), into: &buffer)
      let goAway = GoAway(
        lastStreamID: 0, code: .noError,
        message: "the server has too many connections (limit \(limit)); retry later or reuse a connection")
      FrameEncoder.encode(.goAway(goAway), into: &buffer)
      try? await channel.executeThenClose { _, outbound in
        try await outbound.write(buffer)
      }
    }

    private func resolveAddress(_ result: Result<Address, any Error>) {
      let waiters = self.state.withLock { state in
        state.boundAddress = result
        defer { state.addressWaiters.removeAll() }
        return state.addressWaiters
      }
      for waiter in waiters { waiter.resume(with: result) }
    }
  }
}
