public import Metrics

/// The server transport's gauges: connections and calls open now. Made once per server and
/// moved up and down on each connection and stream; without a factory, swift-metrics' global
/// one (a no-op until `MetricsSystem.bootstrap`).
public struct TransportMetrics: Sendable {
  /// `orderd_connections_open`: connections accepted and not yet closed.
  let openConnections: Meter
  /// `orderd_streams_open`: calls (streams) whose handler is running.
  let openStreams: Meter

  public init(factory: any MetricsFactory = MetricsSystem.factory) {
    self.openConnections = Meter(label: "orderd_connections_open", factory: factory)
    self.openStreams = Meter(label: "orderd_streams_open", factory: factory)
  }

  func connectionOpened() { self.openConnections.increment() }
  func connectionClosed() { self.openConnections.decrement() }
  func streamOpened() { self.openStreams.increment() }
  func streamClosed() { self.openStreams.decrement() }
}
