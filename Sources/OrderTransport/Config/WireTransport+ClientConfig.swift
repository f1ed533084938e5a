public import Logging

extension WireTransport {
  /// How an ``WireTransport/Client`` connects and what it accepts.
  public struct ClientConfig: Sendable {
    public var limits: Limits
    public var compression: Compression
    public var backpressure: Backpressure
    /// How long establishing a TCP connection may take. Default 10 seconds.
    public var connectTimeout: Duration
    public var logger: Logger
    /// Installed under the framing on every connection the client opens (TLS); nil for plain TCP.
    public var connectionLayer: ConnectionLayer?

    public init(
      limits: Limits = Limits(),
      compression: Compression = Compression(),
      backpressure: Backpressure = Backpressure(),
      connectTimeout: Duration = .seconds(10),
      logger: Logger = Logger(label: "orderd.transport.client", factory: { _ in SwiftLogNoOpLogHandler() }),
      connectionLayer: ConnectionLayer? = nil
    ) {
      self.limits = limits
      self.compression = compression
      self.backpressure = backpressure
      self.connectTimeout = connectTimeout
      self.logger = logger
      self.connectionLayer = connectionLayer
    }
  }
}
