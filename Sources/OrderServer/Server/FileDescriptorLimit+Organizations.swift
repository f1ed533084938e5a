extension FileDescriptorLimit {
  /// Descriptors one open organization database holds at most: its first connection's
  /// database, WAL and shared-memory files (3), and the database and WAL files of the
  /// connection opened for reads while it writes (2; the shared memory is one per file and
  /// process). Measured in `OrganizationCacheCapacityTests`.
  public static let descriptorsPerOrganization = 5

  /// Descriptors kept for everything but the cache and connections: organizations still
  /// closing in the background (up to `OrganizationDatabases.maximumClosing`, 8, × 5), the
  /// registry (up to 11: a pool of 4 readers), the listening sockets, the metrics endpoint,
  /// logs, the process's own files.
  public static let spareDescriptors = 128

  /// The most organization databases kept open by default whatever the descriptors allow:
  /// an open organization costs about 0.2 MiB of memory with its writer connection and
  /// 0.4 MiB once a reader is open too (schema, page cache, lookaside; measured with
  /// `server-bench organizations`), so 512 of them about 200 MiB, which keeps orderd under
  /// 512 MiB with 100,000 organizations (issue 13); with 1,024, orderd was at 490 MiB after
  /// creating 31,000 and still growing.
  public static let defaultOrganizationCacheCeiling = 512

  /// How many organization databases to keep open when none is set (issue 13):
  ///
  ///     budget   = soft limit − 128 spare
  ///     share    = max(budget − connections, budget / 2)
  ///     capacity = min(512, max(4, share / 5))
  ///
  /// Connections get up to `connections` (`--max-connections`) descriptors but never more
  /// than half of the budget; the databases get the rest at 5 descriptors each, up to the
  /// memory ceiling. With the hard limit of 20,000 here and 1,024 connections:
  /// (20,000 − 128 − 1,024) / 5 = 3,769, so 512.
  public func organizationCacheCapacity(connections: Int) -> Int {
    let budget = Int(clamping: self.soft) - Self.spareDescriptors
    let share = max(budget - connections, budget / 2)
    return min(Self.defaultOrganizationCacheCeiling, max(4, share / Self.descriptorsPerOrganization))
  }

  /// The most organization databases that fit in the soft limit beside `connections`
  /// reserved descriptors, at least 4: an explicit cache size is lowered to it.
  public func organizationCacheCeiling(reservingConnections connections: Int) -> Int {
    let budget = Int(clamping: self.soft) - Self.spareDescriptors - connections
    return max(4, budget / Self.descriptorsPerOrganization)
  }
}
