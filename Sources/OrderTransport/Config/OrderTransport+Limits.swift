public import OrderWire

extension OrderTransport {
  /// Sizes a peer accepts; see `WireLimits` in OrderWire.
  public typealias Limits = WireLimits

  /// Per-message zlib compression.
  public struct Compression: Hashable, Sendable {
    /// Announce in the preface that the peer may send compressed messages. Default true.
    public var acceptsCompressedMessages: Bool
    /// Compress outgoing messages when the peer accepts them. Default false. A client can
    /// also choose per call with `CallOptions.compression` (`.deflate`/`.gzip` on, `.none` off).
    public var compressOutbound: Bool
    /// Messages smaller than this are sent uncompressed. Default 256 bytes.
    public var minimumSize: Int

    public init(acceptsCompressedMessages: Bool = true, compressOutbound: Bool = false, minimumSize: Int = 256) {
      self.acceptsCompressedMessages = acceptsCompressedMessages
      self.compressOutbound = compressOutbound
      self.minimumSize = minimumSize
    }
  }

  /// How much a connection buffers before it pushes back.
  public struct Backpressure: Hashable, Sendable {
    /// Bytes buffered per stream for a consumer that does not keep up; past this, the
    /// connection stops reading (so TCP pushes back on the sender). Default 1 MiB.
    public var streamBufferSize: Int
    /// Encoded bytes waiting for the socket; past this, writers wait. Default 1 MiB.
    public var outboundBufferSize: Int
    /// Decoded frames NIO may read ahead of the connection's reader (NIOAsyncChannel
    /// watermarks). Defaults 16 and 64.
    public var inboundFramesLowWatermark: Int
    public var inboundFramesHighWatermark: Int

    public init(
      streamBufferSize: Int = 1 << 20,
      outboundBufferSize: Int = 1 << 20,
      inboundFramesLowWatermark: Int = 16,
      inboundFramesHighWatermark: Int = 64
    ) {
      self.streamBufferSize = streamBufferSize
      self.outboundBufferSize = outboundBufferSize
      self.inboundFramesLowWatermark = inboundFramesLowWatermark
      self.inboundFramesHighWatermark = inboundFramesHighWatermark
    }
  }
}
