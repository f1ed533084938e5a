import Logging
import OrderServer
import OrderStorage
import OrderTransport

extension Serve {
  /// The transport's timeouts and caps from the options. The soft file descriptor limit is
  /// raised to the hard one; the organization cache (``FileDescriptorLimit/descriptorsPerOrganization``
  /// descriptors each) and the connection cap are then sized to fit in it (issue 13). On
  /// PostgreSQL an open organization is a schema and holds no descriptor: the cache is
  /// ``OrganizationDatabases/defaultPostgresCapacity`` unless set, and connections get what
  /// the database pool and the listener leave.
  func applyTransportOptions(to configuration: inout OrderdConfiguration, storage: StorageLocation, logger: Logger) {
    var config = configuration.transport
    config.connections.idleTimeout = .seconds(self.idleTimeout)
    config.connections.prefaceTimeout = .seconds(self.prefaceTimeout)
    config.connections.keepaliveInterval = .seconds(self.keepaliveInterval)
    config.connections.keepaliveTimeout = .seconds(self.keepaliveTimeout)
    config.backpressure.stalledCallTimeout = .seconds(self.stalledCallTimeout)
    config.backpressure.connectionBufferSize = self.connectionBufferMib << 20
    config.connections.maxConnections = self.maxConnections
    defer { configuration.transport = config }
    // On PostgreSQL the cache does not depend on the descriptors.
    if case .postgres = storage {
      configuration.openDatabaseLimit = self.requestedOrganizationCache ?? OrganizationDatabases.defaultPostgresCapacity
    }
    guard let (before, after) = FileDescriptorLimit.raiseSoftToHard() else {
      logger.warning("cannot read the file descriptor limit (getrlimit failed); --max-connections is not checked")
      if case .dataDirectory = storage, let requested = self.requestedOrganizationCache {
        configuration.openDatabaseLimit = requested
      }
      logger.info("organization cache: \(configuration.openDatabaseLimit) open organizations")
      return
    }
    logger.info("file descriptors: soft limit \(after.soft) (was \(before.soft)), hard limit \(after.hard)")
    let reserved: Int
    if case .postgres(let postgres) = storage {
      logger.info(
        "organization cache: \(configuration.openDatabaseLimit) open organization schemas on PostgreSQL, which hold no file descriptors (set it with --organization-cache)"
      )
      // The pool's connections and the listener's, beside the spare ones.
      reserved = FileDescriptorLimit.spareDescriptors + postgres.poolSize + 1
    } else {
      reserved = self.sizeOrganizationCache(&configuration, limit: after, logger: logger)
    }
    let soft = Int(clamping: after.soft)
    let capacity = after.connectionCapacity(reserving: reserved)
    if capacity < self.maxConnections, !self.uncheckedMaxConnections {
      logger.warning(
        "--max-connections \(self.maxConnections) lowered to \(capacity) by the soft limit of \(soft) file descriptors (raise it with ulimit -n)"
      )
      config.connections.maxConnections = capacity
    }
  }

  /// Sizes the cache of open SQLite organization databases to the file descriptor limit
  /// `limit`; returns the descriptors kept for it and the spare ones.
  private func sizeOrganizationCache(
    _ configuration: inout OrderdConfiguration, limit after: FileDescriptorLimit, logger: Logger
  ) -> Int {
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
    return perOrganization * databases + spare
  }
}
