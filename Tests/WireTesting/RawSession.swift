public import NIOCore
import NIOPosix
public import OrderWire
import Synchronization

/// A raw client connection driven step by step, for tests of what the server does over
/// time: a background reader decodes every frame the server sends and notes the close.
public final class RawSession: Sendable {
  private struct Log {
    public var frames: [Frame] = []
    var closed = false
  }

  private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
  private let log = Mutex(Log())

  private init(outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) {
    self.outbound = outbound
  }

  /// Connects to 127.0.0.1:`port`, runs `body`, then closes.
  public static func with<T: Sendable>(
    host: String = "127.0.0.1", port: Int, _ body: (RawSession) async throws -> T
  ) async throws -> T {
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .connect(host: host, port: port) { channel in
        channel.eventLoop.makeCompletedFuture {
          try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
        }
      }
    return try await channel.executeThenClose { inbound, outbound in
      let session = RawSession(outbound: outbound)
      return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { await session.read(inbound) }
        defer { group.cancelAll() }
        return try await body(session)
      }
    }
  }

  private func read(_ inbound: NIOAsyncChannelInboundStream<ByteBuffer>) async {
    var decoder = FrameDecoder(limits: WireLimits(maxFrameSize: 64 << 20))
    var received = ByteBuffer()
    do {
      for try await var chunk in inbound {
        received.writeBuffer(&chunk)
        while let frame = try decoder.decodeFrame(from: &received) { self.log.withLock { $0.frames.append(frame) } }
      }
    } catch {}
    self.log.withLock { $0.closed = true }
  }

  public func send(_ bytes: ByteBuffer) async throws {
    try await self.outbound.write(bytes)
  }

  public func send(_ frames: Frame...) async throws {
    var bytes = ByteBuffer()
    for frame in frames { FrameEncoder.encode(frame, into: &bytes) }
    try await self.send(bytes)
  }

  public var frames: [Frame] { self.log.withLock { $0.frames } }
  public var isClosed: Bool { self.log.withLock { $0.closed } }

  /// Waits up to `timeout` for a frame matching `predicate`; returns it, or nil.
  public func waitForFrame(within timeout: Duration = .seconds(60), where predicate: (Frame) -> Bool) async -> Frame? {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while true {
      if let frame = self.frames.first(where: predicate) { return frame }
      if self.isClosed || ContinuousClock.now >= deadline { return self.frames.first(where: predicate) }
      do { try await Task.sleep(for: .milliseconds(10)) } catch { return self.frames.first(where: predicate) }
    }
  }

  /// Waits up to `timeout` for the server to close the connection.
  public func waitForClose(within timeout: Duration = .seconds(60)) async -> Bool {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while !self.isClosed && ContinuousClock.now < deadline {
      do { try await Task.sleep(for: .milliseconds(10)) } catch { break }
    }
    return self.isClosed
  }

  /// The TRAILERS of stream `id`, waiting up to `timeout`.
  public func trailers(of id: UInt32, within timeout: Duration = .seconds(60)) async -> CallTrailers? {
    let frame = await self.waitForFrame(within: timeout) {
      if case .trailers(id, _) = $0 { return true }
      return false
    }
    guard case .trailers(_, let trailers) = frame else { return nil }
    return trailers
  }

  /// The first GOAWAY, waiting up to `timeout`.
  public func goAway(within timeout: Duration = .seconds(60)) async -> GoAway? {
    let frame = await self.waitForFrame(within: timeout) {
      if case .goAway = $0 { return true }
      return false
    }
    guard case .goAway(let goAway) = frame else { return nil }
    return goAway
  }
}
