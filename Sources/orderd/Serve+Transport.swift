import Logging
import OrderServer
import OrderTransport

extension Serve {
  /// The transport's timeouts and caps from the options. The soft file descriptor limit is
  /// raised to the hard one; the organization cache (``FileDescriptorLimit/descriptorsPerOrganization``
  /// descriptors each) and the connection cap are then sized to fit in it (issue 13).
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
      if let requested = self.requestedOrganizationCache { configuration.openDatabaseLimit = requested }
      logger.info("organization cache: \(configuration.openDatabaseLimit) open databases")
      return
    }
    logger.info("file descriptors: soft limit \(after.soft) (was \(before.soft)), hard limit \(after.hard)")
    let soft = Int(clamping: after.soft)
    let spare = FileDescriptorLimit.spareDescriptors
    let perOrganization = FileDescriptorLimit.descriptorsPerOrganization
    let databases: Int
    if let requested = self.requestedOrganizationCache {
      // An explicit size gets at most half of the descriptors.
      let ceiling = after.organizationCacheCeiling(reservingConnections: soft / 2)
      databases = min(requested, ceiling)
      if databases < requested {
        logger.warning(
          "--organization-cache \(requested) lowered to \(databases) by the soft limit of \(soft) file descriptors (\(perOrganization) per open organization; raise it with ulimit -n)"
        )
      }
      logger.info(
        "organization cache: \(databases) open databases (set by --organization-cache or ORDERD_ORGANIZATION_CACHE)")
    } else {
      databases = after.organizationCacheCapacity(connections: self.maxConnections)
      logger.info(
        "organization cache: \(databases) open databases, sized from the soft limit of \(soft) file descriptors: (limit - \(spare) spare - connections, at most half) / \(perOrganization) per organization, at most \(FileDescriptorLimit.defaultOrganizationCacheCeiling); set it with --organization-cache"
      )
    }
    configuration.openDatabaseLimit = databases
    let capacity = after.connectionCapacity(reserving: perOrganization * databases + spare)
    if capacity < self.maxConnections, !self.uncheckedMaxConnections {
      logger.warning(
        "--max-connections \(self.maxConnections) lowered to \(capacity) by the soft limit of \(soft) file descriptors (raise it with ulimit -n)"
      )
      config.connections.maxConnections = capacity
    }
  }
}
