import Foundation
import OrderDomain

extension OrganizationTransaction {
  /// The parent subscription a tenant's subscription maps to, or `nil` (B2).
  public func parentSubscription(tenant: OrganizationID, tenantSubscription: SubscriptionID) throws
    -> SubscriptionID?
  {
    try sql.fetchOne(
      BackorderLinkRecord.self,
      "SELECT * FROM backorderLinks WHERE tenantOrganizationID = ? AND tenantSubscriptionID = ?",
      [tenant.rawValue, tenantSubscription.rawValue])?.subscriptionID
  }

  /// Maps a tenant's subscription to a subscription of this organization (B2); replaces an
  /// earlier mapping (an admin re-linking a stalled backorder's subscription).
  ///
  /// - Throws: `notFound` when the subscription does not exist here.
  public func linkParentSubscription(
    tenant: OrganizationID, tenantSubscription: SubscriptionID, to subscription: SubscriptionID
  ) throws {
    _ = try requireSubscription(subscription)
    try sql.upsert(
      BackorderLinkRecord(
        tenantOrganizationID: tenant, tenantSubscriptionID: tenantSubscription, subscriptionID: subscription
      ))
  }
}
