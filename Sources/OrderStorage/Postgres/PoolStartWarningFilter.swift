import Logging

/// The connection pool's logger, without one warning: postgres-nio warns when a connection
/// is asked for before `PostgresClient.run()` has begun, which happens at every start (the
/// pool runs in a task beside the first transactions). The lease waits for the pool and is
/// served once it runs, so the warning would only alarm; everything else passes through.
struct PoolStartWarningFilter: LogHandler {
  var wrapped: any LogHandler

  static func logger(_ logger: Logger) -> Logger {
    var filtered = logger
    filtered.handler = PoolStartWarningFilter(wrapped: logger.handler)
    return filtered
  }

  func log(event: LogEvent) {
    if event.level == .warning, event.message.description.contains("`PostgresClient.run()` hasn't been called yet") {
      return
    }
    wrapped.log(event: event)
  }

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { wrapped[metadataKey: key] }
    set { wrapped[metadataKey: key] = newValue }
  }

  var metadata: Logger.Metadata {
    get { wrapped.metadata }
    set { wrapped.metadata = newValue }
  }

  var logLevel: Logger.Level {
    get { wrapped.logLevel }
    set { wrapped.logLevel = newValue }
  }
}
