import GRPCCore
import Logging
import NIOCore
import OrderWire
import Synchronization

/// One connection from the client: calls share it, each on its own stream id.
final class ClientConnection: Sendable {
  let config: WireTransport.ClientConfig
  let queue: OutboundQueue
  let remotePeer: String
  let localPeer: String
  private struct Shared {
    var streams = ClientConnectionState<ClientStream>()
    /// Calls waiting for one of the server's concurrency slots.
    var slotWaiters: [UInt64: CheckedContinuation<Void, any Error>] = [:]
    var nextWaiterID: UInt64 = 0
    /// Why the connection closed, for the errors of calls that find it closed.
    var closeReason: String?
  }

  private let state = Mutex(Shared())
  private let peerAcceptsZlib = Atomic(false)
  /// Called once when the connection stops taking new calls (GOAWAY, closed).
  private let onUnusable: @Sendable (ClientConnection) -> Void

  init(
    config: WireTransport.ClientConfig,
    remotePeer: String,
    localPeer: String,
    onUnusable: @escaping @Sendable (ClientConnection) -> Void
  ) {
    self.config = config
    self.queue = OutboundQueue(highWatermark: config.backpressure.outboundBufferSize)
    self.remotePeer = remotePeer
    self.localPeer = localPeer
    self.onUnusable = onUnusable
    // The preface goes first, before any call can queue its HEADERS.
    var capabilities: Preface.Capabilities = []
    if config.compression.acceptsCompressedMessages { capabilities.insert(.acceptsZlib) }
    try? self.queue.enqueueNow { FrameEncoder.encode(.preface(Preface(capabilities: capabilities)), into: &$0) }
  }

  var isUsable: Bool { self.state.withLock { $0.streams.isUsable } }

  /// Starts a call on this connection; nil if it no longer takes new calls.
  func makeStream(compress: Bool) -> ClientStream? {
    guard self.state.withLock({ $0.streams.reserve() }) else { return nil }
    return ClientStream(bufferSize: self.config.backpressure.streamBufferSize, compress: compress)
  }

  /// Sends the call's HEADERS, assigning its stream id in the same step, so ids reach the
  /// server in increasing order.
  func sendHeaders(for stream: ClientStream, path: String, metadata: Metadata) async throws {
    var metadata = metadata
    let timeout = metadata[stringValues: "grpc-timeout"].first(where: { _ in true })
      .flatMap(GRPCTimeout.microseconds(from:))
    metadata.removeAllValues(forKey: "grpc-timeout")
    let headers = CallHeaders(path: path, timeoutMicroseconds: timeout, metadata: metadata.wire)
    let limit = self.config.limits.maxMetadataSize

    var outcome: Result<Void, RPCError>?
    while outcome == nil {
      do {
        outcome = try await self.queue.enqueue { buffer in
          // Nil if the call already ended: claimID did not ask for an id.
          var assignment: ClientConnectionState<ClientStream>.Assignment?
          let id = stream.claimID {
            assignment = self.state.withLock { $0.streams.assignID(stream) }
            if case .assigned(let id) = assignment { return id }
            return nil
          }
          guard let id else {
            switch assignment {
            case .full:
              return nil
            case .notActive:
              let reason = self.state.withLock { $0.closeReason } ?? "the connection is going away"
              return .failure(RPCError(code: .unavailable, message: "\(reason); retry on a new connection"))
            case .assigned, nil:
              return .failure(RPCError(code: .cancelled, message: "the call ended before its headers were sent"))
            }
          }
          guard buffer.writeFrame(.headers(streamID: id, headers, endStream: false), maxPayload: limit) else {
            return .failure(RPCError(code: .resourceExhausted, message: "request metadata exceeds \(limit) bytes"))
          }
          return .success(())
        }
        if outcome == nil { try await self.waitForSlot() }
      } catch {
        outcome = .failure(self.closedError(error))
      }
    }
    if case .failure(let error) = outcome {
      stream.fail(error)
      throw error
    }
  }

  /// Waits until the server's concurrency limit leaves a slot free (or the connection
  /// stops taking streams: the caller then finds out when it tries again).
  private func waitForSlot() async throws {
    let id = self.state.withLock { state in
      defer { state.nextWaiterID += 1 }
      return state.nextWaiterID
    }
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
        let ready: Result<Void, any Error>? = self.state.withLock { state in
          if Task.isCancelled { return .failure(CancellationError()) }
          if state.streams.hasFreeSlot || !state.streams.isUsable { return .success(()) }
          state.slotWaiters[id] = continuation
          return nil
        }
        if let ready { continuation.resume(with: ready) }
      }
    } onCancel: {
      self.state.withLock { $0.slotWaiters.removeValue(forKey: id) }?.resume(throwing: CancellationError())
    }
  }

  /// Frees the stream's concurrency slot and lets the waiting calls try again.
  private func freeSlot(_ id: UInt32) {
    let waiters = self.state.withLock { state -> [CheckedContinuation<Void, any Error>] in
      guard state.streams.freeSlot(id) else { return [] }
      defer { state.slotWaiters.removeAll() }
      return Array(state.slotWaiters.values)
    }
    for waiter in waiters { waiter.resume() }
  }

  /// Lets every waiting call try again (they will find the connection unusable).
  private func wakeAllSlotWaiters() {
    let waiters = self.state.withLock { state in
      defer { state.slotWaiters.removeAll() }
      return Array(state.slotWaiters.values)
    }
    for waiter in waiters { waiter.resume() }
  }

  func messageFrame(streamID: UInt32, _ message: ByteBuffer, compress: Bool) throws -> Frame {
    try MessageCoding.frame(
      streamID: streamID,
      message,
      limits: self.config.limits.wire,
      compress: compress && self.peerAcceptsZlib.load(ordering: .relaxed),
      minimumCompressedSize: self.config.compression.minimumSize
    )
  }

  /// The call is over for the caller: cancel it on the server if it had not ended.
  func release(_ stream: ClientStream) {
    let (id, wasOpen) = stream.finishCall()
    if wasOpen, let id {
      try? self.queue.enqueueNow {
        FrameEncoder.encode(.cancel(streamID: id, code: UInt32(Status.Code.cancelled.rawValue)), into: &$0)
      }
    }
    stream.inbox.close()
    let (closeNow, waiters) = self.state.withLock { state in
      let closeNow = state.streams.release(id: id)
      guard state.streams.hasFreeSlot else { return (closeNow, [CheckedContinuation<Void, any Error>]()) }
      defer { state.slotWaiters.removeAll() }
      return (closeNow, Array(state.slotWaiters.values))
    }
    for waiter in waiters { waiter.resume() }
    if closeNow { self.queue.finish() }
  }

  /// Stops taking new calls; closes once the open ones end.
  func beginClosing() {
    let closeNow = self.state.withLock { $0.streams.beginClosing() }
    self.wakeAllSlotWaiters()
    if closeNow { self.queue.finish() }
  }

  func closedError(_ error: any Error) -> RPCError {
    if let error = error as? RPCError { return error }
    let reason = self.state.withLock { $0.closeReason } ?? "the connection is closed"
    return RPCError(code: .unavailable, message: "\(reason) (\(self.remotePeer))", cause: error)
  }

  func run(_ channel: FrameChannel) async {
    try? await channel.executeThenClose { inbound, outbound in
      await withDiscardingTaskGroup { group in
        group.addTask {
          await FrameChannelSetup.runWriter(queue: self.queue, outbound: outbound, channel: channel.channel)
        }
        let reason: String
        do {
          for try await frame in inbound {
            try await self.handle(frame)
          }
          reason = "the server closed the connection"
        } catch let error as WireError {
          self.config.logger.debug("protocol violation by \(self.remotePeer): \(error)")
          let lastStreamID = self.state.withLock { $0.streams.nextStreamID &- 2 }
          let goAway = GoAway(lastStreamID: lastStreamID, code: error.code, message: error.message)
          try? self.queue.enqueueNow { FrameEncoder.encode(.goAway(goAway), into: &$0) }
          reason = "the server broke the protocol (\(error))"
        } catch {
          reason = "connection error: \(error)"
        }
        self.shutDown(reason)
      }
    }
  }

  private func handle(_ frame: Frame) async throws {
    switch frame {
    case .preface(let preface):
      self.peerAcceptsZlib.store(preface.capabilities.contains(.acceptsZlib), ordering: .relaxed)
      // A server's 0 means it announced no limit.
      let limit = preface.maxConcurrentStreams == 0 ? Int.max : Int(preface.maxConcurrentStreams)
      self.state.withLock { $0.streams.peerMaxConcurrentStreams = limit }

    case .headers(let id, let headers, _):
      guard let stream = self.stream(id) else { return }
      await stream.inbox.send(.metadata(Metadata(wire: headers.metadata)), size: 0)

    case .message(let id, let message):
      guard let stream = self.stream(id), message.hasMessage else { return }
      let decoded = MessageCoding.decode(
        message,
        limits: self.config.limits.wire,
        acceptsCompressed: self.config.compression.acceptsCompressedMessages
      )
      switch decoded {
      case .success(let bytes):
        await stream.inbox.send(.message(WireTransport.Bytes(bytes)), size: bytes.readableBytes)
      case .failure(let error):
        try? self.queue.enqueueNow {
          FrameEncoder.encode(.cancel(streamID: id, code: UInt32(Status.Code(error.code).rawValue)), into: &$0)
        }
        stream.fail(error)
        self.freeSlot(id)
      }

    case .trailers(let id, let trailers):
      guard let stream = self.stream(id), stream.complete() else { return }
      self.freeSlot(id)
      let code = Status.Code(rawValue: Int(trailers.code)) ?? .unknown
      let status = Status(code: code, message: trailers.message)
      await stream.inbox.send(.status(status, Metadata(wire: trailers.metadata)), size: 0)
      stream.inbox.finish()

    case .cancel(let id, let code):
      guard let stream = self.stream(id) else { return }
      let rpcCode = Status.Code(rawValue: Int(code)).flatMap { RPCError.Code($0) } ?? .cancelled
      stream.fail(RPCError(code: rpcCode, message: "the server cancelled the call"))
      self.freeSlot(id)

    case .ping(let data, let ack):
      if !ack { try? self.queue.enqueueNow { FrameEncoder.encode(.ping(data: data, ack: true), into: &$0) } }

    case .goAway(let goAway):
      self.config.logger.debug(
        "GOAWAY from \(self.remotePeer): \(goAway.code), last stream \(goAway.lastStreamID): \(goAway.message)")
      if goAway.code == .noError {
        let (refused, closeNow) = self.state.withLock { $0.streams.receivedGoAway(lastStreamID: goAway.lastStreamID) }
        self.onUnusable(self)
        let error = RPCError(
          code: .unavailable,
          message: "the server is going away (\(goAway.message)); the call was not processed and can be retried"
        )
        for stream in refused { stream.fail(error) }
        self.wakeAllSlotWaiters()
        if closeNow { self.queue.finish() }
      } else {
        self.shutDown("the server closed the connection: \(goAway.code): \(goAway.message)")
      }
    }
  }

  private func stream(_ id: UInt32) -> ClientStream? {
    self.state.withLock { $0.streams.stream(id) }
  }

  private func shutDown(_ reason: String) {
    let streams = self.state.withLock { state in
      if state.closeReason == nil { state.closeReason = reason }
      return state.streams.shutDown()
    }
    self.onUnusable(self)
    let error = RPCError(code: .unavailable, message: "\(reason) (\(self.remotePeer))")
    for stream in streams { stream.fail(error) }
    self.wakeAllSlotWaiters()
    self.queue.finish()
  }
}
