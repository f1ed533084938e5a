import Foundation
import OrderDomain

extension OrganizationTransaction {
  /// Saves what an executed change does to the subscription and its cancelled add-ons (C1).
  /// It notifies nothing: the workflows append `SubscriptionChanged` (N1).
  ///
  /// - Throws: `notFound` when a subscription does not exist.
  public func saveChange(_ plan: ChangePlan) throws {
    try updateSubscription(plan.after)
    for addon in plan.cancelledAddons { try updateSubscription(addon) }
  }

  /// Marks every active asset whose expiration date has come as `expired` (A3) and returns
  /// them, earliest first. It notifies nothing: the workflows append `AssetExpired` (N1).
  @discardableResult
  public func expireAssets(by now: Date) throws -> [Asset] {
    let expired = try assets(expiringBy: now).compactMap { $0.expiring(at: now) }
    for asset in expired { try updateAsset(asset) }
    return expired
  }
}
