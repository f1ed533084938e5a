public import Metrics

/// The storage's metrics (swift-metrics), made once and shared by every organization's store:
/// the organization database cache and the time of write transactions. Without a factory,
/// swift-metrics' global one (a no-op until `MetricsSystem.bootstrap`).
public struct StorageMetrics: Sendable {
  /// `orderd_organization_databases_open`: organization databases open now (the LRU's size).
  let openDatabases: Meter
  /// `orderd_organization_cache_misses_total`: leases that had to open an organization's file.
  let cacheMisses: Counter
  /// `orderd_sqlite_write_seconds`: one write transaction of an organization, from waiting
  /// for the writer to the durable COMMIT.
  let writeDuration: Timer

  public init(factory: any MetricsFactory = MetricsSystem.factory) {
    self.openDatabases = Meter(label: "orderd_organization_databases_open", factory: factory)
    self.cacheMisses = Counter(label: "orderd_organization_cache_misses_total", factory: factory)
    self.writeDuration = Timer(label: "orderd_sqlite_write_seconds", factory: factory)
  }

  /// A lease had to open an organization's file.
  func cacheMissed() { self.cacheMisses.increment() }

  /// `count` organization databases are open now.
  func databasesOpen(_ count: Int) { self.openDatabases.set(count) }

  /// Records the time `operation` took on ``writeDuration``, whether it succeeded or not.
  func timingWrite<T>(_ operation: () async throws -> T) async throws -> T {
    let start = ContinuousClock.now
    defer { self.writeDuration.record(duration: ContinuousClock.now - start) }
    return try await operation()
  }
}
