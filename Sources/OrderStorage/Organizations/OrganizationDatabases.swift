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
/// Files are opened and closed outside the actor (issue 13), on ``BlockingWork``'s threads:
/// a miss does not wait for other organizations' misses, and closing (a checkpoint with its
/// `fsync`) is off every call's path. Concurrent leases of an organization being opened
/// await the same opening. A file being closed is not opened again until it is closed.
///
/// An organization whose file is broken (damaged, migrated by a newer orderd, unreadable)
/// is set aside: its calls fail at once with the same ``StorageFailure``, logged once, while
/// every other organization goes on. It is opened again when its file changes (restored,
/// `chmod`ed), and an unreadable one also every ``inaccessibleRetry``.
public actor OrganizationDatabases {
  /// An organization set aside, and what its file looked like then.
  private struct Broken {
    var failure: StorageFailure
    var file: FileIdentity?
    var since: ContinuousClock.Instant
  }

  /// A lease of an organization's store, given back with ``release(_:)``.
  private struct Lease: Sendable {
    var store: OrganizationStore
    var id: OrganizationID
    /// The slot's number: a leased slot stays in ``open`` until released.
    var slot: UInt64
  }

  /// A close under way, and which one (an organization may be closed again later).
  private struct Closing {
    var number: UInt64
    var task: Task<Void, Never>
  }

  /// How often an organization whose file could not be opened is tried again, when the file
  /// did not visibly change (its directory's permissions may have).
  public static let inaccessibleRetry: Duration = .seconds(30)

  /// How many stores may be closing at once (in the background) before a miss waits: they
  /// still hold their descriptors, which the cache's size does not count.
  public static let maximumClosing = 8

  /// The data directory of SQLite files; `nil` on PostgreSQL.
  public nonisolated let directory: DataDirectory?
  public nonisolated let capacity: Int
  /// Logs each episode of a failing organization database once.
  public nonisolated let health: StorageHealth
  private let logger: Logger
  private let metrics: StorageMetrics
  private let files: OrganizationFiles
  private var open = OpenOrganizations()
  private var closing: [OrganizationID: Closing] = [:]
  private var closeCount: UInt64 = 0
  private var openingCount: UInt64 = 0
  private var broken: [OrganizationID: Broken] = [:]

  public init(
    directory: DataDirectory, capacity: Int = 256, logger: Logger = Logger(label: "orderd.storage"),
    metrics: StorageMetrics = StorageMetrics()
  ) {
    let health = StorageHealth(logger: logger)
    self.init(
      directory: directory, capacity: capacity, logger: logger, metrics: metrics, health: health,
      files: .real(directory: directory, health: health, metrics: metrics))
  }

  /// The organizations kept open on PostgreSQL unless set: an open one is a schema's name and
  /// its store's state, with no file descriptor and no connection of its own.
  public static let defaultPostgresCapacity = 4_096

  /// Organizations as schemas of a PostgreSQL database (issue 14). An open schema holds no
  /// descriptor, so many more may stay open.
  public init(
    postgres storage: PostgresStorage, capacity: Int = defaultPostgresCapacity,
    logger: Logger = Logger(label: "orderd.storage"),
    metrics: StorageMetrics = StorageMetrics()
  ) {
    let health = StorageHealth(logger: logger)
    self.init(
      directory: nil, capacity: capacity, logger: logger, metrics: metrics, health: health,
      files: .postgres(storage, health: health, metrics: metrics))
  }

  /// With `files` opening and closing (tests watch file work through it).
  init(
    directory: DataDirectory?, capacity: Int, logger: Logger = Logger(label: "orderd.storage"),
    metrics: StorageMetrics = StorageMetrics(), health: StorageHealth? = nil, files: OrganizationFiles
  ) {
    self.directory = directory
    self.capacity = max(1, capacity)
    self.logger = logger
    self.metrics = metrics
    self.health = health ?? StorageHealth(logger: logger)
    self.files = files
  }

  /// Runs `body` with the organization's store, opening (and migrating) its file if needed.
  ///
  /// The caller must have checked that the organization exists: a missing file is
  /// created. The store must not be used after `body` returns.
  public nonisolated(nonsending) func withStore<T>(
    _ organization: OrganizationID, _ body: (OrganizationStore) async throws -> T
  ) async throws -> T {
    let lease = try await lease(organization)
    do {
      let result = try await body(lease.store)
      await release(lease)
      return result
    } catch {
      if let failure = error as? StorageFailure, failure.kind == .damaged,
        failure.database == .organization(organization)
      {
        await setAside(organization, failure)
      }
      await release(lease)
      throw error
    }
  }

  /// How many databases are open now, or being opened (not those being closed).
  public var openCount: Int { open.count }

  /// How many databases are being closed now.
  public var closingCount: Int { closing.count }

  /// The failure of an organization set aside because its file is broken, if it is.
  public func brokenFailure(of organization: OrganizationID) -> StorageFailure? { broken[organization]?.failure }

  /// Closes every idle database (e.g. at shutdown), and returns once every close under way
  /// is over.
  public func closeIdle() async {
    for slot in open.idle {
      open.remove(slot)
      startClosing(slot)
    }
    while let (_, pending) = closing.first { await pending.task.value }
  }

  private func lease(_ id: OrganizationID) async throws -> Lease {
    if let set = broken[id] {
      let file = fileIdentity(id)
      let changed = file != nil && file != set.file
      let retry = set.failure.kind == .inaccessible && ContinuousClock.now - set.since >= Self.inaccessibleRetry
      guard changed || retry else { throw set.failure }
      // Replaced, `chmod`ed, or time to try again: open it afresh.
      if let slot = open[id], slot.leases == 0 {
        open.remove(slot)
        startClosing(slot)
      }
      broken[id] = nil
    }
    if let slot = open[id] {
      open.lease(slot)
      switch slot.state {
      case .open(let store):
        return Lease(store: store, id: id, slot: slot.number)
      case .opening(let task):
        do {
          return Lease(store: try await task.value, id: id, slot: slot.number)
        } catch {
          open.release(slot)
          throw error
        }
      }
    }
    guard id.isWellFormed else { throw DomainError.invalidArgument("organization id \(id) is malformed") }
    // Stores being closed still hold their descriptors: past a few, a miss waits for one, then
    // looks again (the organization may have been opened meanwhile).
    if closing.count >= Self.maximumClosing, let oldest = closing.values.first {
      await oldest.task.value
      return try await lease(id)
    }
    metrics.cacheMissed()
    let pendingClose = closing[id]?.task
    let files = self.files
    let task = Task.detached { () async throws -> OrganizationStore in
      // A file is opened only once the previous pool on it is closed.
      await pendingClose?.value
      return try await files.open(id)
    }
    openingCount += 1
    let slot = OpenOrganizations.Slot(id: id, number: openingCount, state: .opening(task))
    open.insert(slot)
    open.lease(slot)
    metrics.databasesOpen(open.count)
    do {
      let store = try await task.value
      slot.state = .open(store)
      evictIdle()
      return Lease(store: store, id: id, slot: slot.number)
    } catch {
      open.release(slot)
      open.remove(slot)
      metrics.databasesOpen(open.count)
      if let failure = error as? StorageFailure {
        health.failed(failure)
        if failure.kind == .damaged || failure.kind == .newerSchema || failure.kind == .inaccessible {
          broken[id] = Broken(failure: failure, file: fileIdentity(id), since: .now)
        }
      }
      throw error
    }
  }

  private func release(_ lease: Lease) async {
    guard let slot = open[lease.id], slot.number == lease.slot else { return }
    open.release(slot)
    if slot.leases == 0, broken[slot.id] != nil, open[slot.id] === slot {
      open.remove(slot)
      await startClosing(slot)?.value
      // Closing may checkpoint into the file: note what it looks like now, so that only a
      // change by someone else (a restore) opens it again.
      broken[slot.id]?.file = fileIdentity(slot.id)
    }
    evictIdle()
  }

  /// Sets aside an organization whose file turned out damaged while in use: nothing more is
  /// written to it, and it is closed once its operations have ended.
  private func setAside(_ id: OrganizationID, _ failure: StorageFailure) {
    guard broken[id] == nil else { return }
    broken[id] = Broken(failure: failure, file: fileIdentity(id), since: .now)
  }

  /// What the organization's SQLite file looks like now; `nil` without one (or on PostgreSQL,
  /// where a set-aside organization is tried again every ``inaccessibleRetry`` if inaccessible).
  private nonisolated func fileIdentity(_ id: OrganizationID) -> FileIdentity? {
    directory.flatMap { FileIdentity(of: $0.organizationURL(id)) }
  }

  /// Closes least recently released idle databases while over capacity.
  private func evictIdle() {
    while open.count > capacity, let victim = open.removeOldestIdle() {
      startClosing(victim)
    }
  }

  /// Closes a slot already removed from ``open`` on ``BlockingWork``'s threads; an opening
  /// of the same organization waits for it. Returns the close, `nil` if there was no store.
  @discardableResult
  private func startClosing(_ slot: OpenOrganizations.Slot) -> Task<Void, Never>? {
    metrics.databasesOpen(open.count)
    guard let store = slot.store else { return nil }
    let id = slot.id
    closeCount += 1
    let number = closeCount
    let logger = self.logger
    let files = self.files
    // Chained after a close still under way for this organization (possible only if its
    // opening failed meanwhile), so that closes of one file never overlap.
    let previous = closing[id]?.task
    let task = Task.detached {
      await previous?.value
      await BlockingWork.run {
        do {
          try files.close(store)
        } catch {
          logger.warning("could not close the database of organization \(id): \(error)")
        }
      }
      await self.closed(id, number)
    }
    closing[id] = Closing(number: number, task: task)
    return task
  }

  private func closed(_ id: OrganizationID, _ number: UInt64) {
    if closing[id]?.number == number { closing[id] = nil }
  }
}
