import Foundation
import Logging
import OrderDomain

/// Opens organizations' databases on demand and keeps the recently used ones open (T2).
///
/// At most `capacity` databases stay open: when more are needed, the least recently used
/// idle one is closed. A database in use by an operation (a lease) is never closed under
/// it; if every open database is in use, the cache grows past its capacity until leases
/// end. This keeps file descriptors bounded with thousands of organizations.
public actor OrganizationDatabases {
  private struct Entry {
    var store: OrganizationStore
    var leases: Int
    var lastUsed: UInt64
  }

  public nonisolated let directory: DataDirectory
  public nonisolated let capacity: Int
  private let logger: Logger
  private var entries: [OrganizationID: Entry] = [:]
  private var tick: UInt64 = 0

  public init(directory: DataDirectory, capacity: Int = 256, logger: Logger = Logger(label: "orderd.storage")) {
    self.directory = directory
    self.capacity = max(1, capacity)
    self.logger = logger
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
      await release(organization)
      throw error
    }
  }

  /// How many databases are open now.
  public var openCount: Int { entries.count }

  /// Closes every idle database (e.g. at shutdown).
  public func closeIdle() {
    for (id, entry) in entries where entry.leases == 0 { close(id, entry.store) }
  }

  private func lease(_ id: OrganizationID) throws -> OrganizationStore {
    tick += 1
    if var entry = entries[id] {
      entry.leases += 1
      entry.lastUsed = tick
      entries[id] = entry
      return entry.store
    }
    guard id.isWellFormed else { throw DomainError.invalidArgument("organization id \(id) is malformed") }
    try directory.create()
    let store = try OrganizationStore.open(at: directory.organizationURL(id), organizationID: id)
    entries[id] = Entry(store: store, leases: 1, lastUsed: tick)
    evictIdle()
    return store
  }

  private func release(_ id: OrganizationID) {
    guard var entry = entries[id] else { return }
    entry.leases -= 1
    entries[id] = entry
    evictIdle()
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
    do {
      try store.close()
    } catch {
      logger.warning("could not close the database of organization \(id): \(error)")
    }
  }
}
