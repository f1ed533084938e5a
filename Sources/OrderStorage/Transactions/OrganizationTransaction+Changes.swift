import Foundation
import OrderDomain

extension OrganizationTransaction {
  /// Saves what an executed change does to the subscription and its cancelled add-ons,
  /// and appends `SubscriptionChanged` (N1) naming the order, if any.
  ///
  /// - Throws: `notFound` when a subscription does not exist.
  public func saveChange(_ plan: ChangePlan, order: Order?, by agent: Agent, now: Date) throws {
    try updateSubscription(plan.after)
    for addon in plan.cancelledAddons { try updateSubscription(addon) }
    let via = order.map { " by order \($0.number)" } ?? ""
    let addons =
      plan.cancelledAddons.isEmpty
      ? "" : "; add-ons cancelled: " + plan.cancelledAddons.map(\.id.rawValue).joined(separator: ", ")
    try appendNotification(
      NewNotification(
        type: .subscriptionChanged, time: now, subject: .subscription(plan.after.id), accountID: plan.after.accountID,
        text: "subscription \(plan.after.id) changed\(via) (\(agent)): \(plan.summary)\(addons)"))
  }

  /// Saves an asset after a vendor answer (A1, A2) and appends `AssetSynchronized` or
  /// `AssetSyncFailed` with the vendor's reason.
  public func recordAssetSync(_ asset: Asset, now: Date) throws {
    try updateAsset(asset)
    let failed = asset.syncStatus == .failed
    let missing = [
      asset.expirationDate == nil ? "expiration date" : nil, asset.softwareID == nil ? "software ID" : nil,
    ]
    .compactMap { $0 }
    let text =
      failed
      ? "asset \(asset.id) failed to synchronize: \(asset.syncError ?? "no reason given")"
      : "asset \(asset.id) synchronized"
        + (missing.isEmpty ? "" : "; the vendor has not returned the \(missing.joined(separator: " and ")) yet")
    try appendNotification(
      NewNotification(
        type: failed ? .assetSyncFailed : .assetSynchronized, time: now, subject: .asset(asset.id),
        accountID: asset.accountID, text: text))
  }

  /// Marks every active asset whose expiration date has come as `expired` (A3), with an
  /// `AssetExpired` notification each; returns them.
  @discardableResult
  public func expireAssets(by now: Date) throws -> [Asset] {
    let expired = try assets(expiringBy: now).compactMap { $0.expiring(at: now) }
    for asset in expired {
      try updateAsset(asset)
      try appendNotification(
        NewNotification(
          type: .assetExpired, time: now, subject: .asset(asset.id), accountID: asset.accountID,
          text: "asset \(asset.id) (\(asset.name)) expired"))
    }
    return expired
  }
}
