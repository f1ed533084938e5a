import Foundation
import OrderDomain
import OrderStorage

/// Saving an asset again (A2): retries its provisioning when it failed and fetches missing
/// vendor data; an order stalled only by this asset completes.
public struct ResyncAsset: Sendable {
  public var id: AssetID
  public var now: Date

  public init(id: AssetID, now: Date) {
    self.id = id
    self.now = now
  }

  public func run(_ scoped: ScopedTransaction) throws -> Asset {
    let tx = scoped.tx
    let asset = try scoped.requireAsset(self.id)
    guard asset.status == .active else {
      throw DomainError.failedPrecondition("asset \(asset.id) is \(asset.status); only active assets are synchronized")
    }
    guard asset.needsResync else { return asset }
    var provisioning = OrderProvisioning(tx: tx, now: self.now)
    try provisioning.sync(asset)
    try provisioning.resumeIfSettled(orderOf: asset, by: scoped.principal.agent)
    return try tx.requireAsset(asset.id)
  }
}
