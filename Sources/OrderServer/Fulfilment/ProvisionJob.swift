import Foundation
import OrderDomain
import OrderStorage

/// Finishes provisioning an order after its vendors' delay (the `provision` job).
struct ProvisionJob: JobHandler {
  let kind = JobKinds.provision
  let registry: Registry

  func run(_ job: Job, in organization: OrganizationID, store: OrganizationStore, now: Date) async throws {
    let currency = try await self.registry.currency(of: organization)
    try await store.write { tx in
      // Deleted with the work: the job runs exactly once.
      guard try tx.deleteJob(job.id), let order = try tx.order(OrderID(job.subject)),
        order.status == .provisioning
      else { return }
      let attempt = try Self.attempt(of: order, tx)
      if order.type == .sales {
        var provisioning = OrderProvisioning(tx: tx, now: now)
        _ = try provisioning.settle(order, attempt: attempt)
      } else {
        _ = try ChangeExecution(tx: tx, now: now, currency: currency).run(order, attempt: attempt)
      }
    }
  }

  /// Attempts so far, counted from the order's history: one plus its earlier stalls.
  static func attempt(of order: Order, _ tx: OrganizationTransaction) throws -> Int {
    try tx.statusHistory(of: order.id).filter { $0.to == .provisioningFailed }.count + 1
  }
}

/// Retries a failed asset, or fetches its late vendor data, on the retry schedule (A2).
/// When the asset was what stalled its order, the order completes.
struct AssetSyncJob: JobHandler {
  let kind = JobKinds.assetSync

  func run(_ job: Job, in organization: OrganizationID, store: OrganizationStore, now: Date) async throws {
    try await store.write { tx in
      guard try tx.deleteJob(job.id), let asset = try tx.asset(AssetID(job.subject)), asset.needsResync else {
        return
      }
      var provisioning = OrderProvisioning(tx: tx, now: now)
      try provisioning.sync(asset)
      try provisioning.resumeIfSettled(orderOf: asset, by: .system)
    }
  }
}
