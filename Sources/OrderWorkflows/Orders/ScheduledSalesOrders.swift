import Foundation
import OrderDomain
import OrderStorage

/// Scheduled purchases (S1-S5): validated when placed and again when they execute, with
/// the catalog, quantity limits and vendors as they are then.
enum ScheduledSalesOrders {
  /// Why items that change an existing subscription cannot be scheduled (S2): the caller
  /// adds these to the planner's own per-item reasons.
  static func changeItemProblems(
    _ items: [PlaceOrder.ChangeItem], tx: OrganizationTransaction,
    account: AccountID
  ) throws -> [ItemProblem] {
    try items.map { item in
      guard let subscription = try tx.subscription(item.subscriptionID), subscription.accountID == account else {
        return ItemProblem(index: item.index, sku: item.sku, reason: "subscription \(item.subscriptionID) not found")
      }
      let product = try tx.product(sku: subscription.sku)
      let reason: String
      switch (item.sku == subscription.sku, product?.kind) {
      case (true, .addon?): reason = "increases the quantity of add-on \(subscription.id)"
      case (true, _): reason = "increases the quantity of subscription \(subscription.id)"
      case (false, .trial?): reason = "upgrades trial \(subscription.id) to a paid offer"
      case (false, _): reason = "upgrades subscription \(subscription.id)"
      }
      return ItemProblem(
        index: item.index, sku: item.sku,
        reason: "\(reason): changes cannot be scheduled as purchases; schedule a change order")
    }
  }

  /// The items a scheduled order asks for, rebuilt from its lines at execution.
  static func items(of order: Order) -> [RequestedItem] {
    order.lines.map { RequestedItem(sku: $0.sku, quantity: $0.quantity, billingCycle: $0.billingCycle, term: $0.term) }
  }
}
