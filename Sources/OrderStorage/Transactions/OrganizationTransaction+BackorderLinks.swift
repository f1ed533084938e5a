import Foundation
import GRDB
import OrderDomain

extension OrganizationTransaction {
  /// The parent subscription a tenant's subscription maps to, or `nil` (B2).
  public func parentSubscription(tenant: OrganizationID, tenantSubscription: SubscriptionID) throws
    -> SubscriptionID?
  {
    try String.fetchOne(
      try db.cachedStatement(
        sql: "SELECT subscriptionID FROM backorderLinks WHERE tenantOrganizationID = ? AND tenantSubscriptionID = ?"),
      arguments: [tenant.rawValue, tenantSubscription.rawValue]
    ).map(SubscriptionID.init)
  }

  /// Maps a tenant's subscription to a subscription of this organization (B2); replaces an
  /// earlier mapping (an admin re-linking a stalled backorder's subscription).
  ///
  /// - Throws: `notFound` when the subscription does not exist here.
  public func linkParentSubscription(
    tenant: OrganizationID, tenantSubscription: SubscriptionID, to subscription: SubscriptionID
  ) throws {
    _ = try requireSubscription(subscription)
    try db.cachedStatement(
      sql: """
        INSERT INTO backorderLinks (tenantOrganizationID, tenantSubscriptionID, subscriptionID) VALUES (?1, ?2, ?3)
        ON CONFLICT (tenantOrganizationID, tenantSubscriptionID) DO UPDATE SET subscriptionID = ?3
        """
    ).execute(arguments: [tenant.rawValue, tenantSubscription.rawValue, subscription.rawValue])
  }
}
