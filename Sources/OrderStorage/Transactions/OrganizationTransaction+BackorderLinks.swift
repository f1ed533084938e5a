import Foundation
import GRDB
import OrderDomain

extension OrganizationTransaction {
  /// The parent subscription a tenant's subscription maps to, or `nil` (B2).
  public func parentSubscription(tenant: OrganizationID, tenantSubscription: SubscriptionID) throws
    -> SubscriptionID?
  {
    try BackorderLinkRecord.fetchOne(
      try db.cachedStatement(
        sql: "SELECT * FROM backorderLinks WHERE tenantOrganizationID = ? AND tenantSubscriptionID = ?"),
      arguments: [tenant.rawValue, tenantSubscription.rawValue]
    )?.subscriptionID
  }

  /// Maps a tenant's subscription to a subscription of this organization (B2); replaces an
  /// earlier mapping (an admin re-linking a stalled backorder's subscription).
  ///
  /// - Throws: `notFound` when the subscription does not exist here.
  public func linkParentSubscription(
    tenant: OrganizationID, tenantSubscription: SubscriptionID, to subscription: SubscriptionID
  ) throws {
    _ = try requireSubscription(subscription)
    try BackorderLinkRecord(
      tenantOrganizationID: tenant, tenantSubscriptionID: tenantSubscription, subscriptionID: subscription
    ).upsert(db)
  }

  /// Decides how to apply `backorder` here (B2), from this organization's catalog and the
  /// subscriptions linked to the tenant's; see ``BackorderPlanner``.
  ///
  /// - Parameter currency: this organization's currency.
  public func planBackorder(_ backorder: Backorder, currency: String, now: Date) throws -> BackorderAction {
    guard let account = try account(backorder.accountID) else {
      return .stall(
        reason: "account \(backorder.accountID) of tenant \(backorder.tenantOrganizationID) no longer exists")
    }
    let tenant = backorder.tenantOrganizationID
    let linked = try parentSubscription(tenant: tenant, tenantSubscription: backorder.tenantSubscriptionID)
      .flatMap(subscription)
    let catalog = try products()
    let sale = [RequestedItem(sku: backorder.change.sku, quantity: backorder.change.quantity)]
    let accountSubscriptions = try subscriptions(
      accountID: account.id,
      skus: SalesOrderPlanner(catalog: catalog, currency: currency).subscriptionSKUs(for: sale))
    let base: Subscription?
    if let linked {
      base = try linked.parentSubscriptionID.flatMap(subscription)
    } else if let tenantBase = backorder.tenantBaseSubscriptionID {
      base = try parentSubscription(tenant: tenant, tenantSubscription: tenantBase).flatMap(subscription)
    } else {
      base = nil
    }
    let addons = try linked.map { try self.addons(of: $0.id) } ?? []
    return BackorderPlanner(catalog: catalog, currency: currency).plan(
      backorder.change, account: account, linked: linked, base: base, addons: addons,
      accountSubscriptions: accountSubscriptions, now: now)
  }
}
