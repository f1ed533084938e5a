/// A violation of the protocol by the peer. The receiver answers it with a GOAWAY carrying
/// `code` and `message`, then closes the connection.
public struct WireError: Error, Hashable, Sendable, CustomStringConvertible {
  public var code: WireErrorCode
  public var message: String

  public init(code: WireErrorCode, message: String) {
    self.code = code
    self.message = message
  }

  public static func protocolError(_ message: String) -> WireError {
    WireError(code: .protocolError, message: message)
  }

  public static func frameSize(_ message: String) -> WireError {
    WireError(code: .frameSizeError, message: message)
  }

  public var description: String { "\(self.code): \(self.message)" }
}
