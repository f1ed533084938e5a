public import NIOCore

/// One decoded unit of the wire protocol: the preface or a frame.
///
/// MESSAGE payloads are slices of the receive buffer (no copy); they stay compressed until
/// the receiver calls ``MessageCompression/decompress(_:maxSize:)``.
public enum Frame: Hashable, Sendable {
  /// The connection preface. Always the first thing each side sends.
  case preface(Preface)
  /// Call headers. Client to server they open the stream; server to client they carry
  /// the initial metadata. `endStream` from the client means "no request messages".
  case headers(streamID: UInt32, CallHeaders, endStream: Bool)
  /// One message, or (with `.noMessage`) a bare half-close of the request stream.
  case message(streamID: UInt32, MessageFrame)
  /// The call's status and trailing metadata, server to client. Ends the stream.
  case trailers(streamID: UInt32, CallTrailers)
  /// Abandons the stream; `code` is a gRPC status code explaining why.
  case cancel(streamID: UInt32, code: UInt32)
  /// A ping (or its answer when `ack` is true); the peer echoes `data`.
  case ping(data: UInt64, ack: Bool)
  /// The sender stops: no stream above `lastStreamID` will be processed.
  case goAway(GoAway)

  /// The stream the frame belongs to, 0 for connection-level frames.
  public var streamID: UInt32 {
    switch self {
    case .preface, .ping, .goAway: 0
    case .headers(let id, _, _), .message(let id, _), .trailers(let id, _), .cancel(let id, _): id
    }
  }
}

/// The payload of a MESSAGE frame.
public struct MessageFrame: Hashable, Sendable {
  public var bytes: ByteBuffer
  public var flags: FrameFlags

  public init(bytes: ByteBuffer, flags: FrameFlags = []) {
    self.bytes = bytes
    self.flags = flags
  }

  /// A message frame that carries a message.
  public static func data(_ bytes: ByteBuffer, compressed: Bool = false, endStream: Bool = false)
    -> MessageFrame
  {
    var flags: FrameFlags = []
    if compressed { flags.insert(.compressed) }
    if endStream { flags.insert(.endStream) }
    return MessageFrame(bytes: bytes, flags: flags)
  }

  /// A frame that only half-closes the stream.
  public static let endOfStream = MessageFrame(
    bytes: ByteBuffer(),
    flags: [.endStream, .noMessage]
  )

  public var isCompressed: Bool { self.flags.contains(.compressed) }
  public var isEndStream: Bool { self.flags.contains(.endStream) }
  public var hasMessage: Bool { !self.flags.contains(.noMessage) }
}
