import OrderWire

extension WireTransport {
  /// Sizes this endpoint accepts and sends; anything larger is refused (see PROTOCOL.md §6).
  public struct Limits: Hashable, Sendable {
    /// The largest MESSAGE payload as sent (compressed or not). Default 4 MiB.
    public var maxFrameSize: Int
    /// The largest message after decompression. Default 4 MiB.
    public var maxMessageSize: Int
    /// The largest HEADERS or TRAILERS payload (path, timeout, metadata). Default 16 KiB.
    public var maxMetadataSize: Int

    public init(
      maxFrameSize: Int = 4 << 20,
      maxMessageSize: Int = 4 << 20,
      maxMetadataSize: Int = 16 << 10
    ) {
      self.maxFrameSize = maxFrameSize
      self.maxMessageSize = maxMessageSize
      self.maxMetadataSize = maxMetadataSize
    }

    var wire: WireLimits {
      WireLimits(
        maxFrameSize: self.maxFrameSize,
        maxMessageSize: self.maxMessageSize,
        maxMetadataSize: self.maxMetadataSize
      )
    }
  }

  /// Per-message zlib compression.
  public struct Compression: Hashable, Sendable {
    /// Announce in the preface that the peer may send compressed messages. Default true.
    public var acceptsCompressedMessages: Bool
    /// Compress outgoing messages when the peer accepts them. Default true. A client can
    /// also choose per call with `CallOptions.compression` (`.deflate`/`.gzip` on, `.none` off).
    public var compressOutbound: Bool
    /// Messages smaller than this are sent uncompressed. Default 256 bytes.
    public var minimumSize: Int

    public init(acceptsCompressedMessages: Bool = true, compressOutbound: Bool = true, minimumSize: Int = 256) {
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
    /// watermarks). Defaults 2 and 8: at most 8 frames (so 8 × the frame limit) are read
    /// ahead of a reader that waits.
    public var inboundFramesLowWatermark: Int
    public var inboundFramesHighWatermark: Int
    /// Server: request bytes one connection may hold at once, counted from arrival until
    /// the handler has read them and the call's request stream has ended (or the call
    /// ended). Default 16 MiB; a single message is always let in when nothing is held.
    public var connectionBufferSize: Int
    /// Server: how long the connection's reader waits for a call whose buffer is full (or
    /// for the connection's buffer to have room) before that call fails with
    /// RESOURCE_EXHAUSTED. Bounds how long one stalled call delays the others. Default 2 s.
    public var stalledCallTimeout: Duration

    public init(
      streamBufferSize: Int = 1 << 20,
      outboundBufferSize: Int = 1 << 20,
      inboundFramesLowWatermark: Int = 2,
      inboundFramesHighWatermark: Int = 8,
      connectionBufferSize: Int = 16 << 20,
      stalledCallTimeout: Duration = .seconds(2)
    ) {
      self.streamBufferSize = streamBufferSize
      self.outboundBufferSize = outboundBufferSize
      self.inboundFramesLowWatermark = inboundFramesLowWatermark
      self.inboundFramesHighWatermark = inboundFramesHighWatermark
      self.connectionBufferSize = connectionBufferSize
      self.stalledCallTimeout = stalledCallTimeout
    }
  }
}
