public import GRPCCore
import Logging
public import NIOCore
import NIOPosix
import Synchronization

extension WireTransport {
  /// A gRPC client transport over TCP with the OrderWire framing.
  ///
  /// Keeps one connection, opened on the first call and reopened on the next call after it
  /// drops or after the server's GOAWAY (calls in flight on the old one finish there).
  ///
  /// ```swift
  /// let transport = WireTransport.Client(target: .ipv4(host: "127.0.0.1", port: port))
  /// try await withGRPCClient(transport: transport) { client in
  ///   // ...
  /// }
  /// ```
  public final class Client: ClientTransport, Sendable {
    public typealias Bytes = WireTransport.Bytes

    private enum State {
      case idle
      case connecting(waiters: [UInt64: CheckedContinuation<ClientConnection, any Error>])
      case ready(ClientConnection)
      case shutdown
    }

    public let target: Address
    public let config: ClientConfig
    /// Always nil: retries are not throttled by the transport.
    public let retryThrottle: RetryThrottle? = nil
    private let eventLoopGroup: any EventLoopGroup
    private let state = Mutex(State.idle)
    private let waiterIDs = Atomic<UInt64>(0)
    private let isConnectRunning = Atomic(false)
    private let connectRequests: AsyncStream<Void>
    private let connectRequestsContinuation: AsyncStream<Void>.Continuation

    public init(
      target: Address,
      config: ClientConfig = ClientConfig(),
      eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
      self.target = target
      self.config = config
      self.eventLoopGroup = eventLoopGroup
      (self.connectRequests, self.connectRequestsContinuation) = AsyncStream.makeStream()
    }

    public func config(forMethod descriptor: MethodDescriptor) -> MethodConfig? {
      nil
    }

    /// Runs the connections until ``beginGracefulShutdown()`` and the last call end, or
    /// until the calling task is cancelled.
    public func connect() async throws {
      guard self.isConnectRunning.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged
      else {
        throw RPCError(code: .failedPrecondition, message: "connect() is already running for this transport")
      }
      await withDiscardingTaskGroup { group in
        for await _ in self.connectRequests {
          group.addTask { await self.establishAndRun() }
        }
      }
      self.shutDownState()
    }

    public func beginGracefulShutdown() {
      let connection = self.shutDownState()
      connection?.beginClosing()
      self.connectRequestsContinuation.finish()
    }

    public func withStream<T: Sendable>(
      descriptor: MethodDescriptor,
      options: CallOptions,
      _ closure: (RPCStream<Inbound, Outbound>, ClientContext) async throws -> T
    ) async throws -> T {
      let compress: Bool
      switch options.compression {
      case .some(let algorithm): compress = algorithm != .none
      case nil: compress = self.config.compression.compressOutbound
      }
      for _ in 0..<3 {
        let connection = try await self.connection()
        guard let stream = connection.makeStream(compress: compress) else { continue }
        let rpcStream = RPCStream(
          descriptor: descriptor,
          inbound: RPCAsyncSequence(wrapping: stream.inbox.messages),
          outbound: RPCWriter.Closable(
            wrapping: ClientStreamWriter(
              stream: stream,
              connection: connection,
              path: "/" + descriptor.fullyQualifiedMethod
            )
          )
        )
        let context = ClientContext(
          descriptor: descriptor,
          remotePeer: connection.remotePeer,
          localPeer: connection.localPeer
        )
        let result: Result<T, any Error>
        do {
          result = .success(try await closure(rpcStream, context))
        } catch {
          result = .failure(error)
        }
        connection.release(stream)
        return try result.get()
      }
      throw RPCError(code: .unavailable, message: "no connection to \(self.target) is taking new calls")
    }

    /// The current connection, connecting first if there is none.
    private func connection() async throws -> ClientConnection {
      let current = self.state.withLock { state -> ClientConnection? in
        if case .ready(let connection) = state, connection.isUsable { return connection }
        return nil
      }
      if let current { return current }

      let id = self.waiterIDs.wrappingAdd(1, ordering: .relaxed).oldValue
      return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
          enum Next { case use(ClientConnection), requestConnection, wait, fail(any Error) }
          let next: Next = self.state.withLock { state in
            if Task.isCancelled { return .fail(CancellationError()) }
            switch state {
            case .ready(let connection) where connection.isUsable:
              return .use(connection)
            case .idle, .ready:
              state = .connecting(waiters: [id: continuation])
              return .requestConnection
            case .connecting(var waiters):
              waiters[id] = continuation
              state = .connecting(waiters: waiters)
              return .wait
            case .shutdown:
              return .fail(RPCError(code: .failedPrecondition, message: "the client transport is shut down"))
            }
          }
          switch next {
          case .use(let connection): continuation.resume(returning: connection)
          case .requestConnection: self.connectRequestsContinuation.yield()
          case .wait: ()
          case .fail(let error): continuation.resume(throwing: error)
          }
        }
      } onCancel: {
        let waiter = self.state.withLock { state -> CheckedContinuation<ClientConnection, any Error>? in
          guard case .connecting(var waiters) = state else { return nil }
          defer { state = .connecting(waiters: waiters) }
          return waiters.removeValue(forKey: id)
        }
        waiter?.resume(throwing: CancellationError())
      }
    }

    private func establishAndRun() async {
      let config = self.config
      let channel: FrameChannel
      do {
        channel = try await ClientBootstrap(group: self.eventLoopGroup)
          .connectTimeout(.nanoseconds(Int64(config.connectTimeout / .nanoseconds(1))))
          .channelOption(.socketOption(.tcp_nodelay), value: 1)
          .connect(host: self.target.host, port: self.target.port) { channel in
            channel.eventLoop.makeCompletedFuture {
              try config.connectionLayer?.install(channel)
              return try FrameChannelSetup.wrap(channel, limits: config.limits.wire, backpressure: config.backpressure)
            }
          }
      } catch {
        config.logger.debug("could not connect to \(self.target): \(error)")
        let error = RPCError(code: .unavailable, message: "could not connect to \(self.target)", cause: error)
        for waiter in self.takeWaiters(settingTo: .idle) { waiter.resume(throwing: error) }
        return
      }
      let connection = ClientConnection(
        config: config,
        remotePeer: FrameChannelSetup.peerDescription(channel.channel.remoteAddress),
        localPeer: FrameChannelSetup.peerDescription(channel.channel.localAddress),
        onUnusable: { [weak self] connection in self?.connectionUnusable(connection) }
      )
      let isShutdown = self.state.withLock { state in
        if case .shutdown = state { return true }
        return false
      }
      if isShutdown {
        connection.beginClosing()
        for waiter in self.takeWaiters(settingTo: .shutdown) {
          waiter.resume(throwing: RPCError(code: .failedPrecondition, message: "the client transport is shut down"))
        }
      } else {
        for waiter in self.takeWaiters(settingTo: .ready(connection)) { waiter.resume(returning: connection) }
      }
      config.logger.debug("connected to \(connection.remotePeer) from \(connection.localPeer)")
      await connection.run(channel)
      config.logger.debug("connection to \(connection.remotePeer) from \(connection.localPeer) closed")
    }

    private func takeWaiters(settingTo newState: State) -> [CheckedContinuation<ClientConnection, any Error>] {
      self.state.withLock { state in
        switch state {
        case .connecting(let waiters):
          state = newState
          return Array(waiters.values)
        case .shutdown:
          return []
        case .idle, .ready:
          state = newState
          return []
        }
      }
    }

    private func connectionUnusable(_ connection: ClientConnection) {
      self.state.withLock { state in
        if case .ready(let current) = state, current === connection { state = .idle }
      }
    }

    /// Moves to `.shutdown`, failing waiting calls; returns the ready connection, if any.
    @discardableResult
    private func shutDownState() -> ClientConnection? {
      let (waiters, connection) = self.state.withLock { state in
        defer { state = .shutdown }
        switch state {
        case .connecting(let waiters): return (Array(waiters.values), nil as ClientConnection?)
        case .ready(let connection): return ([], connection)
        case .idle, .shutdown: return ([], nil)
        }
      }
      let error = RPCError(code: .failedPrecondition, message: "the client transport is shut down")
      for waiter in waiters { waiter.resume(throwing: error) }
      return connection
    }
  }
}
