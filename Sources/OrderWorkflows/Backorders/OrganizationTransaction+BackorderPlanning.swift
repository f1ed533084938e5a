import Foundation
import OrderDomain
import OrderStorage

extension OrganizationTransaction {
  /// Decides how to apply `backorder` here (B2), from this organization's catalog and the
  /// subscriptions linked to the tenant's; see ``BackorderPlanner``.
  ///
  /// - Parameter currency: this organization's currency.
  func planBackorder(_ backorder: Backorder, currency: String, now: Date) throws -> BackorderAction {
    guard let account = try account(backorder.accountID) else {
      return .stall(
        reason: "account \(backorder.accountID) of tenant \(backorder.tenantOrganizationID) no longer exists")
    }
    let tenant = backorder.tenantOrganizationID
    let linked = try parentSubscription(tenant: tenant, tenantSubscription: backorder.tenantSubscriptionID)
      .flatMap(subscription)
    let base: Subscription?
    if let linked {
      base = try linked.parentSubscriptionID.flatMap(subscription)
    } else if let tenantBase = backorder.tenantBaseSubscriptionID {
      base = try parentSubscription(tenant: tenant, tenantSubscription: tenantBase).flatMap(subscription)
    } else {
      base = nil
    }
    let addons = try linked.map { try self.addons(of: $0.id) } ?? []
    // The products the plan can name: the change's SKU (sold, or upgraded to), the linked
    // subscription's and its add-ons' (the root's catalog is the largest).
    let named = [backorder.change.sku] + [linked?.sku].compactMap { $0 } + addons.map(\.sku)
    let catalog = try products(skus: named)
    let sale = [RequestedItem(sku: backorder.change.sku, quantity: backorder.change.quantity)]
    let accountSubscriptions = try subscriptions(
      accountID: account.id,
      skus: SalesOrderPlanner(catalog: catalog, currency: currency).subscriptionSKUs(for: sale))
    return BackorderPlanner(catalog: catalog, currency: currency).plan(
      backorder.change, account: account, linked: linked, base: base, addons: addons,
      accountSubscriptions: accountSubscriptions, now: now)
  }
}
