import Foundation
import OrderDomain

/// Opens one organization's file for ``OrganizationDatabases``, off its actor: blocking.
struct OrganizationOpener: Sendable {
  let directory: DataDirectory
  let health: StorageHealth
  let metrics: StorageMetrics

  func open(_ id: OrganizationID) throws -> OrganizationStore {
    try directory.create()
    return try OrganizationStore.open(
      at: directory.organizationURL(id), organizationID: id, health: health, metrics: metrics)
  }
}
