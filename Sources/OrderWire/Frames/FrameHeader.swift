public import NIOCore

/// The fixed 10-byte header in front of every frame, all integers big-endian:
/// payload length (4 bytes), type (1), flags (1), stream id (4).
public struct FrameHeader: Hashable, Sendable {
  /// The size of an encoded header in bytes.
  public static let size = 10

  /// The number of payload bytes that follow the header.
  public var length: UInt32
  public var type: FrameType
  public var flags: FrameFlags
  /// The stream the frame belongs to; 0 for connection-level frames (PING, GOAWAY).
  public var streamID: UInt32

  public init(length: UInt32, type: FrameType, flags: FrameFlags = [], streamID: UInt32) {
    self.length = length
    self.type = type
    self.flags = flags
    self.streamID = streamID
  }
}

extension ByteBuffer {
  /// Reads a frame header, or returns nil (consuming nothing) if fewer than 10 bytes are readable.
  public mutating func readFrameHeader() -> FrameHeader? {
    guard
      let (length, type, flags, streamID) = self.readMultipleIntegers(
        as: (UInt32, UInt8, UInt8, UInt32).self
      )
    else { return nil }
    return FrameHeader(
      length: length,
      type: FrameType(rawValue: type),
      flags: FrameFlags(rawValue: flags),
      streamID: streamID
    )
  }

  /// Writes a frame header.
  @discardableResult
  public mutating func writeFrameHeader(_ header: FrameHeader) -> Int {
    self.writeMultipleIntegers(
      header.length,
      header.type.rawValue,
      header.flags.rawValue,
      header.streamID
    )
  }
}
