import NIOCore
import OrderWire

/// A TCP channel that yields decoded frames and takes encoded batches of frames.
typealias FrameChannel = NIOAsyncChannel<Frame, ByteBuffer>

enum FrameChannelSetup {
  /// Adds the frame decoder and wraps the channel; call on the channel's event loop.
  static func wrap(
    _ channel: any Channel,
    limits: WireLimits,
    backpressure: WireTransport.Backpressure
  ) throws -> FrameChannel {
    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(FrameDecoder(limits: limits)))
    return try FrameChannel(
      wrappingChannelSynchronously: channel,
      configuration: .init(
        backPressureStrategy: .init(
          lowWatermark: backpressure.inboundFramesLowWatermark,
          highWatermark: backpressure.inboundFramesHighWatermark
        ),
        inboundType: Frame.self,
        outboundType: ByteBuffer.self
      )
    )
  }

  /// Writes batches from `queue` until it is finished, then closes the channel.
  static func runWriter(
    queue: OutboundQueue,
    outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
    channel: any Channel
  ) async {
    while let batch = await queue.nextBatch() {
      do {
        try await outbound.write(batch)
      } catch {
        queue.close(error: error)
        break
      }
    }
    outbound.finish()
    channel.close(promise: nil)
  }

  /// "ipv4:127.0.0.1:5000", the gRPC convention for peer names.
  static func peerDescription(_ address: SocketAddress?) -> String {
    guard let address else { return "unknown" }
    switch address {
    case .v4: return "ipv4:\(address.ipAddress ?? "?"):\(address.port ?? 0)"
    case .v6: return "ipv6:[\(address.ipAddress ?? "?")]:\(address.port ?? 0)"
    case .unixDomainSocket: return "unix:\(address.pathname ?? "?")"
    }
  }
}

extension ByteBuffer {
  /// Encodes `frame`; if its payload exceeds `maxPayload`, rolls back and returns false.
  mutating func writeFrame(_ frame: Frame, maxPayload: Int) -> Bool {
    let start = self.writerIndex
    FrameEncoder.encode(frame, into: &self)
    if self.writerIndex - start - FrameHeader.size > maxPayload {
      self.moveWriterIndex(to: start)
      return false
    }
    return true
  }
}
