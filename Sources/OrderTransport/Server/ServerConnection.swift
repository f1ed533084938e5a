import GRPCCore
import Logging
import NIOCore
import OrderWire
import Synchronization

/// One accepted connection: reads frames, starts a handler task per call, routes frames to
/// calls. Handlers write through the shared ``OutboundQueue``.
final class ServerConnection: Sendable {
  typealias StreamHandler =
    @Sendable (
      RPCStream<OrderTransport.Server.Inbound, OrderTransport.Server.Outbound>,
      ServerContext
    ) async -> Void

  let config: OrderTransport.ServerConfig
  let queue: OutboundQueue
  private let state: Mutex<ServerConnectionState<ServerStream>>
  private let peerAcceptsZlib = Atomic(false)
  let remotePeer: String
  private let localPeer: String

  init(config: OrderTransport.ServerConfig, remotePeer: String, localPeer: String) {
    self.config = config
    self.queue = OutboundQueue(highWatermark: config.backpressure.outboundBufferSize)
    self.state = Mutex(ServerConnectionState(maxConcurrentStreams: config.maxConcurrentStreams))
    self.remotePeer = remotePeer
    self.localPeer = localPeer
    var capabilities: Preface.Capabilities = []
    if config.compression.acceptsCompressedMessages { capabilities.insert(.acceptsZlib) }
    let preface = Preface(
      capabilities: capabilities, maxConcurrentStreams: UInt32(clamping: config.maxConcurrentStreams))
    try? self.queue.enqueueNow { FrameEncoder.encode(.preface(preface), into: &$0) }
  }

  func run(_ channel: FrameChannel, streamHandler: @escaping StreamHandler) async {
    try? await channel.executeThenClose { inbound, outbound in
      await withDiscardingTaskGroup { group in
        group.addTask {
          await FrameChannelSetup.runWriter(queue: self.queue, outbound: outbound, channel: channel.channel)
        }
        do {
          for try await frame in inbound {
            try await self.handle(frame, group: &group, streamHandler: streamHandler)
          }
          self.connectionLost("the client closed the connection")
        } catch let error as WireError {
          self.config.logger.debug("protocol violation by \(self.remotePeer): \(error)")
          self.fail(with: error)
        } catch {
          self.connectionLost("connection error: \(error)")
        }
      }
    }
  }

  /// Sends GOAWAY; in-flight calls finish, then the connection closes.
  func beginGracefulShutdown() {
    guard let (lastStreamID, closeNow) = self.state.withLock({ $0.beginDraining() }) else { return }
    let goAway = GoAway(lastStreamID: lastStreamID, code: .noError, message: "the server is shutting down")
    try? self.queue.enqueueNow { FrameEncoder.encode(.goAway(goAway), into: &$0) }
    if closeNow { self.queue.finish() }
  }

  func messageFrame(streamID: UInt32, _ message: ByteBuffer) throws -> Frame {
    try MessageCoding.frame(
      streamID: streamID,
      message,
      limits: self.config.limits.wire,
      compress: self.config.compression.compressOutbound && self.peerAcceptsZlib.load(ordering: .relaxed),
      minimumCompressedSize: self.config.compression.minimumSize
    )
  }

  private func handle(
    _ frame: Frame,
    group: inout DiscardingTaskGroup,
    streamHandler: @escaping StreamHandler
  ) async throws {
    switch frame {
    case .preface(let preface):
      self.peerAcceptsZlib.store(preface.capabilities.contains(.acceptsZlib), ordering: .relaxed)

    case .headers(let id, let headers, let endStream):
      let stream = ServerStream(id: id, bufferSize: self.config.backpressure.streamBufferSize)
      switch self.state.withLock({ $0.open(id, stream) }) {
      case .violation(let error):
        throw error
      case .refused(let reason):
        let trailers = CallTrailers(code: UInt32(Status.Code.unavailable.rawValue), message: reason)
        try? self.queue.enqueueNow { FrameEncoder.encode(.trailers(streamID: id, trailers), into: &$0) }
      case .opened:
        var metadata = Metadata(wire: headers.metadata)
        if let timeout = headers.timeoutMicroseconds {
          metadata.replaceOrAddString(GRPCTimeout.encode(microseconds: timeout), forKey: "grpc-timeout")
        }
        await stream.inbox.send(.metadata(metadata), size: 0)
        if endStream { stream.inbox.finish() }
        group.addTask {
          await self.runStream(stream, path: headers.path, streamHandler: streamHandler)
        }
      }

    case .message(let id, let message):
      guard let stream = try self.openStream(id, frame: "MESSAGE") else { return }
      if message.hasMessage {
        let decoded = MessageCoding.decode(
          message,
          limits: self.config.limits.wire,
          acceptsCompressed: self.config.compression.acceptsCompressedMessages
        )
        switch decoded {
        case .success(let bytes):
          await stream.inbox.send(.message(OrderTransport.Bytes(bytes)), size: bytes.readableBytes)
        case .failure(let error):
          self.reset(stream, error)
        }
      }
      if message.isEndStream { stream.inbox.finish() }

    case .cancel(let id, _):
      guard let stream = try self.openStream(id, frame: "CANCEL") else { return }
      // The client counts the slot as free once it sent CANCEL; so does the server.
      if self.releaseStream(id) { self.queue.finish() }
      stream.cancel(RPCError(code: .cancelled, message: "the client cancelled the call"))

    case .ping(let data, let ack):
      if !ack { try? self.queue.enqueueNow { FrameEncoder.encode(.ping(data: data, ack: true), into: &$0) } }

    case .goAway(let goAway):
      self.config.logger.debug("client \(self.remotePeer) is going away: \(goAway.message)")

    case .trailers:
      throw WireError.protocolError("TRAILERS may only be sent by the server")
    }
  }

  /// The open stream `id`, nil if it already ended; throws if it was never opened.
  private func openStream(_ id: UInt32, frame: String) throws(WireError) -> ServerStream? {
    switch self.state.withLock({ $0.lookup(id) }) {
    case .open(let stream): return stream
    case .closed: return nil
    case .idle: throw .protocolError("\(frame) on stream \(id), which was never opened")
    }
  }

  /// Ends a call from the transport's side: the client gets `error` as the call's status.
  private func reset(_ stream: ServerStream, _ error: RPCError) {
    if stream.closeOutbound() {
      let closeConnection = self.releaseStream(stream.id)
      let trailers = CallTrailers(code: UInt32(Status.Code(error.code).rawValue), message: error.message)
      try? self.queue.enqueueNow { FrameEncoder.encode(.trailers(streamID: stream.id, trailers), into: &$0) }
      if closeConnection { self.queue.finish() }
    }
    stream.cancel(error)
  }

  /// Removes a finished call from the table; true if the connection should now close
  /// (after the caller has queued its last frames).
  func releaseStream(_ id: UInt32) -> Bool {
    self.state.withLock { $0.close(id) }
  }

  private func runStream(_ stream: ServerStream, path: String, streamHandler: StreamHandler) async {
    let descriptor = MethodDescriptor(path: path)
    await withServerContextRPCCancellationHandle { handle in
      stream.attach(handle)
      let context = ServerContext(
        descriptor: descriptor,
        remotePeer: self.remotePeer,
        localPeer: self.localPeer,
        cancellation: handle
      )
      let rpcStream = RPCStream(
        descriptor: descriptor,
        inbound: RPCAsyncSequence(wrapping: stream.inbox.messages),
        outbound: RPCWriter.Closable(wrapping: ServerStreamWriter(stream: stream, connection: self))
      )
      await streamHandler(rpcStream, context)
    }
    stream.inbox.close()
    if self.releaseStream(stream.id) { self.queue.finish() }
  }

  private func fail(with error: WireError) {
    let lastStreamID = self.state.withLock { $0.highestStreamID }
    let goAway = GoAway(lastStreamID: lastStreamID, code: error.code, message: error.message)
    try? self.queue.enqueueNow { FrameEncoder.encode(.goAway(goAway), into: &$0) }
    self.connectionLost("protocol violation: \(error)")
  }

  private func connectionLost(_ reason: String) {
    let streams = self.state.withLock { $0.shutDown() }
    for stream in streams {
      stream.cancel(RPCError(code: .cancelled, message: "the call ended early: \(reason)"))
    }
    self.queue.finish()
  }
}

extension MethodDescriptor {
  /// Parses "/package.Service/Method".
  init(path: String) {
    let trimmed = path.hasPrefix("/") ? path.dropFirst() : Substring(path)
    if let slash = trimmed.lastIndex(of: "/") {
      self.init(
        fullyQualifiedService: String(trimmed[..<slash]),
        method: String(trimmed[trimmed.index(after: slash)...])
      )
    } else {
      self.init(fullyQualifiedService: "", method: String(trimmed))
    }
  }
}
