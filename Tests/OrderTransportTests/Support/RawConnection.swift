import NIOCore
import NIOPosix
import OrderWire

/// A plain TCP client that speaks bytes, for tests of what the server does with bad input.
struct RawConnection {
  let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>

  static func connect(port: Int) async throws -> RawConnection {
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .connect(host: "127.0.0.1", port: port) { channel in
        channel.eventLoop.makeCompletedFuture {
          try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
        }
      }
    return RawConnection(channel: channel)
  }

  /// Sends `bytes`, then reads frames until the server closes the connection or `count`
  /// frames (the server's preface included) arrived. Gives up after 30 seconds (a loaded machine).
  func exchange(_ bytes: ByteBuffer, untilFrames count: Int = .max) async throws -> (frames: [Frame], closed: Bool) {
    try await self.channel.executeThenClose { inbound, outbound in
      try await outbound.write(bytes)
      return try await withThrowingTaskGroup(of: ([Frame], Bool).self) { group in
        group.addTask {
          var decoder = FrameDecoder(limits: WireLimits(maxFrameSize: 64 << 20))
          var received = ByteBuffer()
          var frames: [Frame] = []
          for try await var chunk in inbound {
            received.writeBuffer(&chunk)
            while let frame = try decoder.decodeFrame(from: &received) { frames.append(frame) }
            if frames.count >= count { return (frames, false) }
          }
          return (frames, true)
        }
        group.addTask {
          try await Task.sleep(for: .seconds(30))
          return ([], false)
        }
        let result = try await group.next() ?? ([], false)
        group.cancelAll()
        return result
      }
    }
  }
}

extension ByteBuffer {
  /// The bytes a well-behaved client starts with.
  static var clientPreface: ByteBuffer {
    var buffer = ByteBuffer()
    FrameEncoder.encode(.preface(Preface()), into: &buffer)
    return buffer
  }

  mutating func write(_ frame: Frame) {
    FrameEncoder.encode(frame, into: &self)
  }
}
