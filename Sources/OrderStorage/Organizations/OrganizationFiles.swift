import Foundation
import OrderDomain

/// How ``OrganizationDatabases`` opens and closes organizations' files. Both block (file
/// work, a checkpoint's `fsync`) and run off the actor, on ``BlockingWork``'s threads.
/// Tests wrap the real ones to watch or hold back file work.
struct OrganizationFiles: Sendable {
  var open: @Sendable (OrganizationID) throws -> OrganizationStore
  var close: @Sendable (OrganizationStore) throws -> Void

  /// Opens `orgs/<id>.sqlite`, creating the file (and the folder) when missing, from
  /// ``OrganizationTemplate``.
  static func real(directory: DataDirectory, health: StorageHealth, metrics: StorageMetrics) -> OrganizationFiles {
    OrganizationFiles(
      open: { id in
        try directory.create()
        let url = directory.organizationURL(id)
        try OrganizationTemplate.createIfMissing(at: url, database: .organization(id))
        return try OrganizationStore.open(at: url, organizationID: id, health: health, metrics: metrics)
      },
      close: { store in try store.close() })
  }
}
