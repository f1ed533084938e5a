/// Sizes a receiver accepts. Anything larger is refused before it is buffered.
public struct WireLimits: Hashable, Sendable {
  /// The largest MESSAGE payload, as sent (compressed or not). Default 4 MiB.
  public var maxFrameSize: Int
  /// The largest message after decompression. Default 4 MiB.
  public var maxMessageSize: Int
  /// The largest HEADERS or TRAILERS payload (path, timeout, metadata). Default 16 KiB.
  public var maxMetadataSize: Int
  /// The largest GOAWAY payload. Default 64 KiB.
  public var maxGoAwaySize: Int

  public init(
    maxFrameSize: Int = 4 * 1024 * 1024,
    maxMessageSize: Int = 4 * 1024 * 1024,
    maxMetadataSize: Int = 16 * 1024,
    maxGoAwaySize: Int = 64 * 1024
  ) {
    self.maxFrameSize = maxFrameSize
    self.maxMessageSize = maxMessageSize
    self.maxMetadataSize = maxMetadataSize
    self.maxGoAwaySize = maxGoAwaySize
  }

  /// The limit on the payload of a frame of the given type, if the type has a variable size.
  func maxPayload(for type: FrameType) -> Int? {
    switch type {
    case .message: self.maxFrameSize
    case .headers, .trailers: self.maxMetadataSize
    case .goAway: self.maxGoAwaySize
    default: nil
    }
  }
}
