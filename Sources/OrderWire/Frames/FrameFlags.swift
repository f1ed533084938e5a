/// The flags byte of a frame header. The meaning of a bit depends on the frame type.
public struct FrameFlags: OptionSet, Hashable, Sendable {
  public var rawValue: UInt8

  public init(rawValue: UInt8) {
    self.rawValue = rawValue
  }

  /// HEADERS, MESSAGE: the sender will send nothing more on this stream (half-close).
  public static let endStream = FrameFlags(rawValue: 0x01)
  /// MESSAGE: the payload is zlib-compressed.
  public static let compressed = FrameFlags(rawValue: 0x02)
  /// MESSAGE: the frame carries no message (only valid with `endStream`), so a half-close
  /// after the last message is not mistaken for an empty message.
  public static let noMessage = FrameFlags(rawValue: 0x04)
  /// PING: this is the answer to a PING.
  public static let ack = FrameFlags(rawValue: 0x01)
}
