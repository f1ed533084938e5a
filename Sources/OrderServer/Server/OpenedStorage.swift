import Foundation
import Logging
import OrderStorage

/// The registry and the organizations' databases of a ``StorageLocation``, opened (issue 14),
/// and where the root's first admin key goes.
struct OpenedStorage: Sendable {
  let registry: Registry
  let databases: OrganizationDatabases
  let keyDirectory: DataDirectory
  let metrics: OrderdMetrics
  /// The PostgreSQL pool, running until cancelled; `nil` on SQLite.
  let run: Task<Void, Never>?
  /// What this node hears from the others on the storage (none on a data directory).
  let signals: any ClusterSignals
  /// Whether no other process can share this storage (a data directory is opened by one).
  let isSoleProcess: Bool

  /// Opens (creating and migrating as needed) the storage.
  static func open(
    _ location: StorageLocation, keyDirectory: DataDirectory?, openDatabaseLimit: Int, metrics: OrderdMetrics?,
    logger: Logger
  ) async throws -> OpenedStorage {
    let metrics = metrics ?? OrderdMetrics()
    switch location {
    case .dataDirectory(let directory):
      try directory.create()
      let registry = try Registry(directory: directory, logger: logger)
      let databases = OrganizationDatabases(
        directory: directory, capacity: openDatabaseLimit, logger: logger, metrics: metrics.storage)
      return OpenedStorage(
        registry: registry, databases: databases, keyDirectory: keyDirectory ?? directory, metrics: metrics, run: nil,
        signals: NoClusterSignals(), isSoleProcess: true)
    case .postgres(let postgres):
      guard let keyDirectory else {
        throw StorageFailure(
          .inaccessible, in: .registry, detail: "PostgreSQL storage needs a data directory for root-admin.key")
      }
      try FileManager.default.createDirectory(at: keyDirectory.url, withIntermediateDirectories: true)
      let storage = PostgresStorage(postgres, logger: logger)
      let run = Task { await storage.run() }
      do {
        let registry = try await Registry(postgres: storage, logger: logger)
        let databases = OrganizationDatabases(
          postgres: storage, capacity: openDatabaseLimit, logger: logger, metrics: metrics.storage)
        return OpenedStorage(
          registry: registry, databases: databases, keyDirectory: keyDirectory, metrics: metrics, run: run,
          signals: PostgresClusterSignals(storage: storage), isSoleProcess: false)
      } catch {
        run.cancel()
        await run.value
        throw error
      }
    }
  }

  /// Stops what ``open(_:keyDirectory:openDatabaseLimit:metrics:logger:)`` started (a failed
  /// start).
  func stop() async {
    await databases.closeIdle()
    try? registry.close()
    run?.cancel()
    await run?.value
  }
}
