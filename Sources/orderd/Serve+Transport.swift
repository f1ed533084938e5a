import Logging
import OrderServer
import OrderTransport

extension Serve {
  /// The transport's timeouts and caps from the options. The soft file descriptor limit is
  /// raised to the hard one; the connection cap and the open-database limit (three
  /// descriptors each) are then sized to fit in it, the databases getting at most half.
  func applyTransportOptions(to configuration: inout OrderdConfiguration, logger: Logger) {
    var config = configuration.transport
    config.connections.idleTimeout = .seconds(self.idleTimeout)
    config.connections.prefaceTimeout = .seconds(self.prefaceTimeout)
    config.connections.keepaliveInterval = .seconds(self.keepaliveInterval)
    config.connections.keepaliveTimeout = .seconds(self.keepaliveTimeout)
    config.backpressure.stalledCallTimeout = .seconds(self.stalledCallTimeout)
    config.backpressure.connectionBufferSize = self.connectionBufferMib << 20
    config.connections.maxConnections = self.maxConnections
    defer { configuration.transport = config }
    guard let (before, after) = FileDescriptorLimit.raiseSoftToHard() else {
      logger.warning("cannot read the file descriptor limit (getrlimit failed); --max-connections is not checked")
      return
    }
    logger.info("file descriptors: soft limit \(after.soft) (was \(before.soft)), hard limit \(after.hard)")
    let soft = Int(clamping: after.soft)
    let spare = 64
    var databases = configuration.openDatabaseLimit
    if 3 * databases + spare > soft / 2 {
      databases = max(4, (soft / 2 - spare) / 3)
      logger.warning(
        "open organization databases limited to \(databases) (of \(configuration.openDatabaseLimit)) by the soft limit of \(soft) file descriptors (raise it with ulimit -n)"
      )
      configuration.openDatabaseLimit = databases
    }
    let capacity = after.connectionCapacity(reserving: 3 * databases + spare)
    if capacity < self.maxConnections, !self.uncheckedMaxConnections {
      logger.warning(
        "--max-connections \(self.maxConnections) lowered to \(capacity) by the soft limit of \(soft) file descriptors (raise it with ulimit -n)"
      )
      config.connections.maxConnections = capacity
    }
  }
}
