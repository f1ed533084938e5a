import Foundation
import Logging
import Metrics
import OrderServer
import Prometheus

extension Serve {
  /// Logging to stderr in the chosen format, every line of a call carrying its request id,
  /// method and organization (``CallLogMetadata/provider``).
  func bootstrapLogging(level: Logger.Level) {
    let format = self.observability.logFormat
    LoggingSystem.bootstrap(
      { label, provider in
        switch format {
        case .text:
          var handler = StreamLogHandler.standardError(label: label, metadataProvider: provider)
          handler.logLevel = level
          return handler
        case .json:
          var handler = JSONLogHandler.standardError(label: label, metadataProvider: provider)
          handler.logLevel = level
          return handler
        }
      }, metadataProvider: CallLogMetadata.provider)
  }

  /// With `--metrics-port`: a Prometheus registry behind swift-metrics' global factory (so
  /// that libraries' metrics are exported too), and the server's metrics made on it.
  func bootstrapMetrics() -> (OrderdMetrics, PrometheusCollectorRegistry?) {
    guard self.observability.port != nil else { return (OrderdMetrics(), nil) }
    let registry = PrometheusCollectorRegistry()
    var factory = PrometheusMetricsFactory(registry: registry)
    factory.defaultDurationHistogramBuckets = [
      .microseconds(500), .milliseconds(1), .microseconds(2500), .milliseconds(5), .milliseconds(10),
      .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
      .milliseconds(2500), .seconds(5), .seconds(10),
    ]
    MetricsSystem.bootstrap(factory)
    return (OrderdMetrics(factory: factory), registry)
  }

  /// Runs `body` with the metrics endpoint up, when there is one; closes it afterwards.
  func withMetricsEndpoint(
    _ registry: PrometheusCollectorRegistry?, logger: Logger, _ body: () async throws -> Void
  ) async throws {
    guard let registry, let port = self.observability.port else { return try await body() }
    let host = self.observability.host ?? self.host
    let endpoint = try await MetricsEndpoint.start(host: host, port: port, registry: registry)
    logger.notice("metrics listening: GET /metrics", metadata: ["address": "\(endpoint.address)"])
    do {
      try await body()
    } catch {
      await endpoint.close()
      throw error
    }
    await endpoint.close()
  }
}
