import Foundation
import OrderDomain
import OrderStorage

/// Retries a failed asset, or fetches its late vendor data, on the retry schedule (A2).
/// When the asset was what stalled its order, the order completes.
public struct AssetSyncJob: JobHandler {
  public let kind = JobKind.assetSync

  public init() {}

  public func run(_ job: Job, tx: OrganizationTransaction, context: JobContext) throws {
    guard let asset = try tx.asset(AssetID(job.subject)), asset.needsResync else { return }
    var provisioning = OrderProvisioning(tx: tx, now: context.now)
    try provisioning.sync(asset)
    try provisioning.resumeIfSettled(orderOf: asset, by: .system)
  }
}
