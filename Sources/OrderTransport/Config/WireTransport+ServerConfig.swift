public import Logging

extension WireTransport {
  /// How an ``WireTransport/Server`` treats its connections.
  public struct ServerConfig: Sendable {
    public var limits: Limits
    /// Calls open at once on one connection; one more is refused with UNAVAILABLE, which is
    /// safe to retry. Default 100.
    public var maxConcurrentStreams: Int
    public var compression: Compression
    public var backpressure: Backpressure
    /// Timeouts, keepalive and the connection cap.
    public var connections: ConnectionManagement
    public var logger: Logger
    /// Open connections and streams (swift-metrics); the global factory unless set.
    public var metrics = TransportMetrics()
    /// Installed under the framing on every accepted connection (TLS); nil for plain TCP.
    public var connectionLayer: ConnectionLayer?

    public init(
      limits: Limits = Limits(),
      maxConcurrentStreams: Int = 100,
      compression: Compression = Compression(),
      backpressure: Backpressure = Backpressure(),
      connections: ConnectionManagement = ConnectionManagement(),
      logger: Logger = Logger(label: "orderd.transport.server", factory: { _ in SwiftLogNoOpLogHandler() }),
      connectionLayer: ConnectionLayer? = nil
    ) {
      self.limits = limits
      self.maxConcurrentStreams = maxConcurrentStreams
      self.compression = compression
      self.backpressure = backpressure
      self.connections = connections
      self.logger = logger
      self.connectionLayer = connectionLayer
    }
  }
}
