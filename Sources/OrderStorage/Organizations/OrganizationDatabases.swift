import Foundation
import Logging
import OrderDomain

/// Opens organizations' databases on demand and keeps the recently used ones open (T2).
///
/// At most `capacity` databases stay open: when more are needed, the least recently used
/// idle one is closed. A database in use by an operation (a lease) is never closed under
/// it; if every open database is in use, the cache grows past its capacity until leases
/// end. This keeps file descriptors bounded with thousands of organizations.
///
/// An organization whose file is broken (damaged, migrated by a newer orderd, unreadable)
/// is set aside: its calls fail at once with the same ``StorageFailure``, logged once, while
/// every other organization goes on. It is opened again when its file changes (restored,
/// `chmod`ed), and an unreadable one also every ``inaccessibleRetry``.
public actor OrganizationDatabases {
  private struct Entry {
    var store: OrganizationStore
    var leases: Int
    var lastUsed: UInt64
  }

  /// An organization set aside, and what its file looked like then.
  private struct Broken {
    var failure: StorageFailure
    var file: FileIdentity?
    var since: ContinuousClock.Instant
  }

  /// How often an organization whose file could not be opened is tried again, when the file
  /// did not visibly change (its directory's permissions may have).
  public static let inaccessibleRetry: Duration = .seconds(30)

  public nonisolated let directory: DataDirectory
  public nonisolated let capacity: Int
  /// Logs each episode of a failing organization database once.
  public nonisolated let health: StorageHealth
  private let logger: Logger
  private let metrics: StorageMetrics
  private var entries: [OrganizationID: Entry] = [:]
  private var broken: [OrganizationID: Broken] = [:]
  private var tick: UInt64 = 0

  public init(
    directory: DataDirectory, capacity: Int = 256, logger: Logger = Logger(label: "orderd.storage"),
    metrics: StorageMetrics = StorageMetrics()
  ) {
    self.directory = directory
    self.capacity = max(1, capacity)
    self.logger = logger
    self.metrics = metrics
    self.health = StorageHealth(logger: logger)
  }

  /// Runs `body` with the organization's store, opening (and migrating) its file if needed.
  ///
  /// The caller must have checked that the organization exists: a missing file is
  /// created. The store must not be used after `body` returns.
  public nonisolated(nonsending) func withStore<T>(
    _ organization: OrganizationID, _ body: (OrganizationStore) async throws -> T
  ) async throws -> T {
    let store = try await lease(organization)
    do {
      let result = try await body(store)
      await release(organization)
      return result
    } catch {
      if let failure = error as? StorageFailure, failure.kind == .damaged,
        failure.database == .organization(organization)
      {
        await setAside(organization, failure)
      }
      await release(organization)
      throw error
    }
  }

  /// How many databases are open now.
  public var openCount: Int { entries.count }

  /// The failure of an organization set aside because its file is broken, if it is.
  public func brokenFailure(of organization: OrganizationID) -> StorageFailure? { broken[organization]?.failure }

  /// Closes every idle database (e.g. at shutdown).
  public func closeIdle() {
    for (id, entry) in entries where entry.leases == 0 { close(id, entry.store) }
  }

  private func lease(_ id: OrganizationID) throws -> OrganizationStore {
    tick += 1
    if let set = broken[id] {
      let file = FileIdentity(of: directory.organizationURL(id))
      let changed = file != nil && file != set.file
      let retry = set.failure.kind == .inaccessible && ContinuousClock.now - set.since >= Self.inaccessibleRetry
      guard changed || retry else { throw set.failure }
      // Replaced, `chmod`ed, or time to try again: open it afresh.
      if let entry = entries[id], entry.leases == 0 { close(id, entry.store) }
      broken[id] = nil
    }
    if var entry = entries[id] {
      entry.leases += 1
      entry.lastUsed = tick
      entries[id] = entry
      return entry.store
    }
    guard id.isWellFormed else { throw DomainError.invalidArgument("organization id \(id) is malformed") }
    try directory.create()
    metrics.cacheMissed()
    let store: OrganizationStore
    do {
      store = try OrganizationStore.open(
        at: directory.organizationURL(id), organizationID: id, health: health, metrics: metrics)
    } catch let failure as StorageFailure {
      health.failed(failure)
      if failure.kind == .damaged || failure.kind == .newerSchema || failure.kind == .inaccessible {
        broken[id] = Broken(failure: failure, file: FileIdentity(of: directory.organizationURL(id)), since: .now)
      }
      throw failure
    }
    entries[id] = Entry(store: store, leases: 1, lastUsed: tick)
    evictIdle()
    metrics.databasesOpen(entries.count)
    return store
  }

  private func release(_ id: OrganizationID) {
    guard var entry = entries[id] else { return }
    entry.leases -= 1
    entries[id] = entry
    if entry.leases == 0, broken[id] != nil {
      close(id, entry.store)
      // Closing may checkpoint into the file: note what it looks like now, so that only a
      // change by someone else (a restore) opens it again.
      broken[id]?.file = FileIdentity(of: directory.organizationURL(id))
    }
    evictIdle()
  }

  /// Sets aside an organization whose file turned out damaged while in use: nothing more is
  /// written to it, and it is closed once its operations have ended.
  private func setAside(_ id: OrganizationID, _ failure: StorageFailure) {
    guard broken[id] == nil else { return }
    broken[id] = Broken(failure: failure, file: FileIdentity(of: directory.organizationURL(id)), since: .now)
  }

  /// Closes least recently used idle databases while over capacity.
  private func evictIdle() {
    while entries.count > capacity {
      let idle = entries.filter { $0.value.leases == 0 }
      guard let victim = idle.min(by: { $0.value.lastUsed < $1.value.lastUsed }) else { return }
      close(victim.key, victim.value.store)
    }
  }

  private func close(_ id: OrganizationID, _ store: OrganizationStore) {
    entries[id] = nil
    metrics.databasesOpen(entries.count)
    do {
      try store.close()
    } catch {
      logger.warning("could not close the database of organization \(id): \(error)")
    }
  }
}
