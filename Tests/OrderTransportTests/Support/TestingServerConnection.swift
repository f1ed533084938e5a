import GRPCCore
import NIOCore
import NIOEmbedded
import OrderWire

@testable import OrderTransport

/// A server connection over `NIOAsyncTestingChannel`: the test plays the client frame by
/// frame, reads what the server wrote and moves the connection's clock by hand, so the
/// connection's timers fire exactly when the test says and nothing waits on wall-clock time.
final class TestingServerConnection {
  let channel: NIOAsyncTestingChannel
  let connection: ServerConnection
  private var events: AsyncStream<String>.Iterator
  private var decoder = FrameDecoder(limits: WireLimits(maxFrameSize: 64 << 20))
  private var received = ByteBuffer()
  private var decoded: [Frame] = []
  private var nextPing: UInt64 = 1

  private init(channel: NIOAsyncTestingChannel, connection: ServerConnection, events: AsyncStream<String>) {
    self.channel = channel
    self.connection = connection
    self.events = events.makeAsyncIterator()
  }

  /// Runs a server connection with ``ScriptedHandlers`` on a testing channel, reads its
  /// preface (so its timers are armed), runs `body`, then closes the channel.
  static func with<T>(
    config: WireTransport.ServerConfig = .init(),
    _ body: (TestingServerConnection) async throws -> T
  ) async throws -> T {
    let channel = NIOAsyncTestingChannel()
    try await channel.connect(to: try SocketAddress(ipAddress: "127.0.0.1", port: 50000)).get()
    let frames = try await channel.testingEventLoop.executeInContext {
      try FrameChannelSetup.wrap(channel, limits: config.limits.wire, backpressure: config.backpressure)
    }
    let connection = ServerConnection(config: config, channel: channel)
    let (events, recorder) = AsyncStream<String>.makeStream()
    let handler = ScriptedHandlers.handler(recording: recorder)
    return try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { await connection.run(frames, streamHandler: handler) }
      let peer = TestingServerConnection(channel: channel, connection: connection, events: events)
      do {
        guard case .preface = try await peer.nextFrame() else { throw TestFailure("no server preface") }
        let result = try await body(peer)
        try? await channel.close()
        try await group.waitForAll()
        return result
      } catch {
        try? await channel.close()
        throw error
      }
    }
  }

  /// Writes the client's frames into the connection, as one read.
  func send(_ frames: Frame...) async throws {
    var bytes = ByteBuffer()
    for frame in frames { FrameEncoder.encode(frame, into: &bytes) }
    try await self.send(bytes)
  }

  func send(_ bytes: ByteBuffer) async throws {
    try await self.channel.writeInbound(bytes)
  }

  /// The next frame the server wrote, waiting for it; nil once the connection is closed.
  func nextFrame() async throws -> Frame? {
    while self.decoded.isEmpty {
      do {
        var chunk = try await self.channel.waitForOutboundWrite(as: ByteBuffer.self)
        self.received.writeBuffer(&chunk)
        while let frame = try self.decoder.decodeFrame(from: &self.received) { self.decoded.append(frame) }
      } catch ChannelError.ioOnClosedChannel {
        return nil
      }
    }
    return self.decoded.removeFirst()
  }

  /// The next `count` frames (fewer if the connection closes first).
  func next(_ count: Int) async throws -> [Frame] {
    var frames: [Frame] = []
    while frames.count < count, let frame = try await self.nextFrame() { frames.append(frame) }
    return frames
  }

  /// Reads frames up to the TRAILERS of stream `id` (a handler answers in its own time).
  func trailers(of id: UInt32) async throws -> CallTrailers {
    var before: [Frame] = []
    while let frame = try await self.nextFrame() {
      if case .trailers(id, let trailers) = frame { return trailers }
      before.append(frame)
    }
    throw TestFailure("the connection closed before the TRAILERS of stream \(id); frames: \(before)")
  }

  /// Sends a PING and returns the frames the server wrote before its answer: the server
  /// has then handled every frame sent before, and queued the frames the connection itself
  /// sends for them (handlers answer in their own time: see ``trailers(of:)``).
  func sync() async throws -> [Frame] {
    let data = self.nextPing
    self.nextPing += 1
    try await self.send(.ping(data: data, ack: false))
    var before: [Frame] = []
    while let frame = try await self.nextFrame() {
      if case .ping(data, ack: true) = frame { return before }
      before.append(frame)
    }
    throw TestFailure("the connection closed before answering PING \(data); frames: \(before)")
  }

  /// The client stops reading: the socket is no longer writable, so the connection's writer
  /// waits and its frames pile up.
  func stopReading() {
    self.channel.isWritable = false
    self.channel.pipeline.fireChannelWritabilityChanged()
  }

  /// Moves the connection's clock, firing the timers due by then.
  func advance(by amount: TimeAmount) async {
    await self.channel.testingEventLoop.advanceTime(by: amount)
  }

  /// The next event a handler recorded ("cancelled", ...).
  func nextEvent() async -> String? {
    await self.events.next()
  }

  /// The frames up to the connection's close.
  func remainingFrames() async throws -> [Frame] {
    var frames: [Frame] = []
    while let frame = try await self.nextFrame() { frames.append(frame) }
    return frames
  }
}

struct TestFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
