import ArgumentParser

/// How orderd can be watched: the Prometheus endpoint and the log format (issue 12).
struct ObservabilityOptions: ParsableArguments {
  @Option(
    help:
      "Serve Prometheus metrics as GET /metrics on this port (0 picks a free one); without it, none (env ORDERD_METRICS_PORT)."
  )
  var metricsPort: Int?

  @Option(help: "Address the metrics endpoint listens on; default: --host (env ORDERD_METRICS_HOST).")
  var metricsHost: String?

  @Option(help: "text, or json for one JSON object per line (env ORDERD_LOG_FORMAT).")
  var logFormat: LogFormat = Environment.value("ORDERD_LOG_FORMAT").flatMap(LogFormat.init(rawValue:)) ?? .text

  enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  /// `--metrics-port`, else `ORDERD_METRICS_PORT`; nil: no metrics endpoint.
  var port: Int? { self.metricsPort ?? Environment.value("ORDERD_METRICS_PORT").flatMap(Int.init) }

  /// `--metrics-host`, else `ORDERD_METRICS_HOST`; nil: the API's `--host`.
  var host: String? { self.metricsHost ?? Environment.value("ORDERD_METRICS_HOST") }

  func validate() throws {
    if self.metricsPort == nil, let text = Environment.value("ORDERD_METRICS_PORT"), Int(text) == nil {
      throw ValidationError("ORDERD_METRICS_PORT must be a port number, not '\(text)'")
    }
    if let port = self.port, !(0...65535).contains(port) {
      throw ValidationError("--metrics-port must be 0...65535")
    }
    if let text = Environment.value("ORDERD_LOG_FORMAT"), LogFormat(rawValue: text) == nil {
      throw ValidationError("ORDERD_LOG_FORMAT must be text or json, not '\(text)'")
    }
  }
}
