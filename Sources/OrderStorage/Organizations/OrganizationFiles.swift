import Foundation
import OrderDomain

/// How ``OrganizationDatabases`` opens and closes organizations' databases: SQLite files, or
/// PostgreSQL schemas. Opening an SQLite file and closing a store block (file work, a
/// checkpoint's `fsync`) and run off the actor, on ``BlockingWork``'s threads. Tests wrap the
/// real ones to watch or hold back file work.
struct OrganizationFiles: Sendable {
  var open: @Sendable (OrganizationID) async throws -> OrganizationStore
  var close: @Sendable (OrganizationStore) throws -> Void

  /// Opens `orgs/<id>.sqlite`, creating the file (and the folder) when missing, from
  /// ``OrganizationTemplate``.
  static func real(directory: DataDirectory, health: StorageHealth, metrics: StorageMetrics) -> OrganizationFiles {
    OrganizationFiles(
      open: { id in
        try await BlockingWork.run {
          try directory.create()
          let url = directory.organizationURL(id)
          try OrganizationTemplate.createIfMissing(at: url, database: .organization(id))
          return try OrganizationStore.open(at: url, organizationID: id, health: health, metrics: metrics)
        }
      },
      close: { store in try store.close() })
  }

  /// Opens schema `org_<id>`, creating it at the baseline when missing (issue 14). Nothing
  /// is held open: closing does nothing.
  static func postgres(_ storage: PostgresStorage, health: StorageHealth, metrics: StorageMetrics)
    -> OrganizationFiles
  {
    OrganizationFiles(
      open: { id in
        try await OrganizationStore.open(postgres: storage, organizationID: id, health: health, metrics: metrics)
      },
      close: { store in try store.close() })
  }
}
