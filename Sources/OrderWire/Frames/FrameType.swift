/// The kind of a frame, the fifth byte of every frame header.
///
/// A struct with static members rather than an enum, so that an unknown byte can be
/// represented (and rejected with a clear message) instead of failing to decode silently.
public struct FrameType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  public var rawValue: UInt8

  public init(rawValue: UInt8) {
    self.rawValue = rawValue
  }

  /// Opens a call (client to server) or carries the response's initial metadata (server to client).
  public static let headers = FrameType(rawValue: 0x01)
  /// One serialized message of a call, possibly compressed.
  public static let message = FrameType(rawValue: 0x02)
  /// The final status and trailing metadata of a call (server to client). Closes the stream.
  public static let trailers = FrameType(rawValue: 0x03)
  /// Abandons a stream at once, in either direction (like HTTP/2 RST_STREAM).
  public static let cancel = FrameType(rawValue: 0x04)
  /// Liveness check; the peer answers with the same payload and the ACK flag.
  public static let ping = FrameType(rawValue: 0x05)
  /// Announces that the sender will accept no stream above `lastStreamID`, then closes.
  public static let goAway = FrameType(rawValue: 0x06)

  /// Every frame type defined by version 1 of the protocol.
  public static let allKnown: [FrameType] = [.headers, .message, .trailers, .cancel, .ping, .goAway]

  public var isKnown: Bool { Self.allKnown.contains(self) }

  public var description: String {
    switch self {
    case .headers: "HEADERS"
    case .message: "MESSAGE"
    case .trailers: "TRAILERS"
    case .cancel: "CANCEL"
    case .ping: "PING"
    case .goAway: "GOAWAY"
    default: "UNKNOWN(0x\(String(self.rawValue, radix: 16)))"
    }
  }
}
