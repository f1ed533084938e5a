/// The payload of a HEADERS frame.
///
/// From the client: the method path (`/package.Service/Method`), the call timeout and the
/// request metadata. From the server: empty path, no timeout, the initial response metadata.
public struct CallHeaders: Hashable, Sendable {
  public var path: String
  /// The time the client allows for the call, in microseconds; nil means no deadline.
  public var timeoutMicroseconds: UInt64?
  public var metadata: WireMetadata

  public init(path: String = "", timeoutMicroseconds: UInt64? = nil, metadata: WireMetadata = []) {
    self.path = path
    self.timeoutMicroseconds = timeoutMicroseconds
    self.metadata = metadata
  }
}

/// The payload of a TRAILERS frame: how the call ended.
public struct CallTrailers: Hashable, Sendable {
  /// A gRPC status code (0 is OK).
  public var code: UInt32
  public var message: String
  public var metadata: WireMetadata

  public init(code: UInt32, message: String = "", metadata: WireMetadata = []) {
    self.code = code
    self.message = message
    self.metadata = metadata
  }
}

/// The payload of a GOAWAY frame.
public struct GoAway: Hashable, Sendable {
  /// The highest stream id the sender processed or will process.
  public var lastStreamID: UInt32
  public var code: WireErrorCode
  /// A human-readable explanation, for logs and error messages.
  public var message: String

  public init(lastStreamID: UInt32, code: WireErrorCode, message: String) {
    self.lastStreamID = lastStreamID
    self.code = code
    self.message = message
  }
}
