import Foundation

extension BackorderChange {
  /// The changes to relay for subscriptions a completed sales order created (B2): one
  /// `sale` per subscription, add-ons included, in the given order (bases before add-ons).
  public static func sales(_ created: [Subscription], orderNumber: OrderNumber, at: Date) -> [BackorderChange] {
    created.map {
      BackorderChange(
        subscriptionID: $0.id, kind: .sale, sku: $0.sku, quantity: $0.quantity,
        baseSubscriptionID: $0.parentSubscriptionID, orderNumber: orderNumber, at: at)
    }
  }

  /// The changes to relay for one subscription that went from `before` to `after` (B2):
  /// a `cancellation` when it became cancelled; else an `upgrade` when the SKU changed
  /// (carrying the new quantity); else a `quantity` change when the quantity changed.
  /// Nothing for other changes (term, billing cycle, auto-renew, dates, expiry).
  public static func changes(
    before: Subscription, after: Subscription, orderNumber: OrderNumber, at: Date
  ) -> [BackorderChange] {
    if after.status == .cancelled {
      guard before.status != .cancelled else { return [] }
      return [
        BackorderChange(
          subscriptionID: after.id, kind: .cancellation, sku: before.sku, quantity: before.quantity,
          orderNumber: orderNumber, at: at)
      ]
    }
    guard after.status == .active else { return [] }
    if after.sku != before.sku {
      return [
        BackorderChange(
          subscriptionID: after.id, kind: .upgrade, sku: after.sku, quantity: after.quantity,
          previousSKU: before.sku, orderNumber: orderNumber, at: at)
      ]
    }
    if after.quantity != before.quantity {
      return [
        BackorderChange(
          subscriptionID: after.id, kind: .quantity, sku: after.sku, quantity: after.quantity,
          orderNumber: orderNumber, at: at)
      ]
    }
    return []
  }

  /// The changes to relay for a completed immediate change (B2): the subscription's own,
  /// then a `cancellation` per add-on cancelled with it.
  public static func changes(_ plan: ChangePlan, orderNumber: OrderNumber, at: Date) -> [BackorderChange] {
    changes(before: plan.before, after: plan.after, orderNumber: orderNumber, at: at)
      + plan.cancelledAddons.filter { $0.status == .cancelled }.map {
        BackorderChange(
          subscriptionID: $0.id, kind: .cancellation, sku: $0.sku, quantity: $0.quantity, orderNumber: orderNumber,
          at: at)
      }
  }

  /// The changes to relay for an executed renewal (B2): only a renewal that changed the
  /// quantity or the SKU (an applied future request or On Renewal change) reaches the
  /// parent, as an immediate change. Billing periods and expiries relay nothing.
  public static func changes(_ renewal: RenewalPlan, orderNumber: OrderNumber, at: Date) -> [BackorderChange] {
    guard renewal.outcome == .renewal else { return [] }
    return changes(before: renewal.before, after: renewal.after, orderNumber: orderNumber, at: at)
  }
}
