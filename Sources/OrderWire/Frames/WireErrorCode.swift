/// Why a connection is going away (the `code` of a GOAWAY frame).
public struct WireErrorCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  public var rawValue: UInt32

  public init(rawValue: UInt32) {
    self.rawValue = rawValue
  }

  /// Graceful shutdown: streams up to `lastStreamID` complete normally.
  public static let noError = WireErrorCode(rawValue: 0)
  /// The peer broke a rule of the protocol (bad frame type, bad stream id, bad payload).
  public static let protocolError = WireErrorCode(rawValue: 1)
  /// The sender hit an unexpected internal failure.
  public static let internalError = WireErrorCode(rawValue: 2)
  /// A frame was larger than the receiver's limit, or its length is wrong for its type.
  public static let frameSizeError = WireErrorCode(rawValue: 3)
  /// The preface announced a protocol version the receiver does not speak.
  public static let unsupportedVersion = WireErrorCode(rawValue: 4)
  /// The first bytes were not the `ORDW` magic: the peer does not speak this protocol.
  public static let badPreface = WireErrorCode(rawValue: 5)

  public var description: String {
    switch self {
    case .noError: "NO_ERROR"
    case .protocolError: "PROTOCOL_ERROR"
    case .internalError: "INTERNAL_ERROR"
    case .frameSizeError: "FRAME_SIZE_ERROR"
    case .unsupportedVersion: "UNSUPPORTED_VERSION"
    case .badPreface: "BAD_PREFACE"
    default: "UNKNOWN(\(self.rawValue))"
    }
  }
}
