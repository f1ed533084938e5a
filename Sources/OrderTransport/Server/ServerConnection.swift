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
      RPCStream<WireTransport.Server.Inbound, WireTransport.Server.Outbound>,
      ServerContext
    ) async -> Void

  let config: WireTransport.ServerConfig
  let queue: OutboundQueue
  let ledger: InboundLedger
  /// The socket, for its event loop (timers) and to close a dead or silent peer.
  let channel: any Channel
  let state: Mutex<ServerConnectionState<ServerStream>>
  let timers = Mutex(ConnectionTimerState())
  /// When the last frame arrived (NIODeadline uptime nanoseconds), for keepalive.
  let lastFrameAt: Atomic<UInt64>
  let prefaceReceived = Atomic(false)
  private let peerAcceptsZlib = Atomic(false)
  let remotePeer: String
  private let localPeer: String

  init(config: WireTransport.ServerConfig, channel: any Channel) {
    self.config = config
    self.channel = channel
    self.queue = OutboundQueue(
      highWatermark: config.backpressure.outboundBufferSize,
      controlAllowance: OutboundQueue.defaultControlAllowance)
    self.ledger = InboundLedger(budget: config.backpressure.connectionBufferSize)
    let now = channel.eventLoop.now
    self.lastFrameAt = Atomic(now.uptimeNanoseconds)
    self.state = Mutex(ServerConnectionState(maxConcurrentStreams: config.maxConcurrentStreams, now: now))
    self.remotePeer = FrameChannelSetup.peerDescription(channel.remoteAddress)
    self.localPeer = FrameChannelSetup.peerDescription(channel.localAddress)
    var capabilities: Preface.Capabilities = []
    if config.compression.acceptsCompressedMessages { capabilities.insert(.acceptsZlib) }
    let preface = Preface(
      capabilities: capabilities, maxConcurrentStreams: UInt32(clamping: config.maxConcurrentStreams))
    self.sendControl(.preface(preface))
  }

  func run(_ channel: FrameChannel, streamHandler: @escaping StreamHandler) async {
    self.startTimers()
    defer { self.stopTimers() }
    try? await channel.executeThenClose { inbound, outbound in
      await withDiscardingTaskGroup { group in
        group.addTask {
          await FrameChannelSetup.runWriter(queue: self.queue, outbound: outbound, channel: channel.channel)
        }
        do {
          for try await frame in inbound {
            self.lastFrameAt.store(self.channel.eventLoop.now.uptimeNanoseconds, ordering: .relaxed)
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
  func beginGracefulShutdown(reason: String = "the server is shutting down") {
    guard let (lastStreamID, closeNow) = self.state.withLock({ $0.beginDraining() }) else { return }
    let goAway = GoAway(lastStreamID: lastStreamID, code: .noError, message: reason)
    self.sendControl(.goAway(goAway))
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
      self.prefaceReceived.store(true, ordering: .relaxed)

    case .headers(let id, let headers, let endStream):
      let stream = ServerStream(id: id, bufferSize: self.config.backpressure.streamBufferSize, ledger: self.ledger)
      switch self.state.withLock({ $0.open(id, stream) }) {
      case .violation(let error):
        throw error
      case .refused(let reason):
        let trailers = CallTrailers(code: UInt32(Status.Code.unavailable.rawValue), message: reason)
        self.sendControl(.trailers(streamID: id, trailers))
      case .opened:
        var metadata = Metadata(wire: headers.metadata)
        if let timeout = headers.timeoutMicroseconds, timeout < GRPCTimeout.noDeadlineMicroseconds {
          metadata.replaceOrAddString(GRPCTimeout.encode(microseconds: timeout), forKey: "grpc-timeout")
          self.scheduleDeadline(for: id, in: .microseconds(Int64(timeout)))
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
          await self.deliver(bytes, to: stream)
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
      if !ack { self.sendControl(.ping(data: data, ack: true)) }

    case .goAway(let goAway):
      self.config.logger.debug("client \(self.remotePeer) is going away: \(goAway.message)")

    case .trailers:
      throw WireError.protocolError("TRAILERS may only be sent by the server")
    }
  }

  /// Queues a control frame without waiting behind data; a peer that lets them pile up
  /// unread is disconnected.
  func sendControl(_ frame: Frame) {
    do {
      try self.queue.enqueueNow { FrameEncoder.encode(frame, into: &$0) }
    } catch let error as PeerNotReading {
      self.config.logger.debug("closing the connection from \(self.remotePeer): \(error)")
      self.channel.close(promise: nil)
    } catch {
      // The connection is already closing.
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

  /// Hands a request message to its call within the connection's and the call's buffers;
  /// a call that leaves no room for `stalledCallTimeout` fails with RESOURCE_EXHAUSTED.
  private func deliver(_ bytes: ByteBuffer, to stream: ServerStream) async {
    let size = bytes.readableBytes
    let timeout = self.config.backpressure.stalledCallTimeout
    guard await self.ledger.reserve(size, within: timeout) else {
      let held = self.ledger.heldBytes
      self.reset(
        stream,
        RPCError(
          code: .resourceExhausted,
          message: "this connection already holds \(held) bytes of requests not yet read or not finished "
            + "(limit \(self.ledger.budget)); finish each call's request stream, or use more connections"
        ))
      return
    }
    let sent = await stream.inbox.send(.message(WireTransport.Bytes(bytes)), size: size, within: timeout)
    if !sent {
      self.reset(
        stream,
        RPCError(
          code: .resourceExhausted,
          message: "the call's handler read none of its \(self.config.backpressure.streamBufferSize) buffered "
            + "request bytes within \(timeout); send more slowly"
        ))
    }
  }

  /// Ends a call from the transport's side: the client gets `error` as the call's status.
  func reset(_ stream: ServerStream, _ error: RPCError) {
    if stream.closeOutbound() {
      let closeConnection = self.releaseStream(stream.id)
      let trailers = CallTrailers(code: UInt32(Status.Code(error.code).rawValue), message: error.message)
      self.sendControl(.trailers(streamID: stream.id, trailers))
      if closeConnection { self.queue.finish() }
    }
    stream.cancel(error)
  }

  /// Removes a finished call from the table; true if the connection should now close
  /// (after the caller has queued its last frames).
  func releaseStream(_ id: UInt32) -> Bool {
    let eventLoop = self.channel.eventLoop
    let closeConnection = self.state.withLock { $0.close(id, now: eventLoop.now) }
    self.forgetDeadline(of: id)
    return closeConnection
  }

  private func runStream(_ stream: ServerStream, path: String, streamHandler: StreamHandler) async {
    let descriptor = MethodDescriptor(path: path)
    self.config.metrics.streamOpened()
    defer { self.config.metrics.streamClosed() }
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

  func fail(with error: WireError) {
    let lastStreamID = self.state.withLock { $0.highestStreamID }
    let goAway = GoAway(lastStreamID: lastStreamID, code: error.code, message: error.message)
    self.sendControl(.goAway(goAway))
    self.connectionLost("protocol violation: \(error)")
  }

  func connectionLost(_ reason: String) {
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
