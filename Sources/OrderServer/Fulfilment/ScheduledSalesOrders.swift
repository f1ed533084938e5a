import Foundation
import OrderDomain
import OrderStorage

/// Scheduled purchases (S1-S5): validated when placed and again when they execute, with
/// the catalog, quantity limits and vendors as they are then.
enum ScheduledSalesOrders {
  /// Why items that change an existing subscription cannot be scheduled (S2): the caller
  /// adds these to the planner's own per-item reasons.
  static func changeItemProblems(
    _ items: [(index: Int, sku: String, subscriptionID: SubscriptionID)], tx: OrganizationTransaction,
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

/// Executes scheduled sales orders on their date (S4): `scheduled` -> `executing` ->
/// provisioning -> `completed`, or `failed` with the reason (and its notification).
struct ExecuteScheduledOrderJob: JobHandler {
  let kind = JobKinds.executeScheduledOrder

  func run(_ job: Job, tx: OrganizationTransaction, context: JobContext) throws {
    guard let order = try tx.order(OrderID(job.subject)), order.status == .scheduled else { return }
    let now = context.now
    let executing = try tx.transition(order.id, to: .executing, reason: "execution date reached", by: .system, now: now)
    if order.type == .sales {
      try Self.executeSale(executing, tx: tx, currency: context.currency, now: now)
    } else {
      try ScheduledChanges.execute(executing, tx: tx, currency: context.currency, now: now)
    }
  }

  static func executeSale(_ order: Order, tx: OrganizationTransaction, currency: String, now: Date) throws {
    let plan: SalesOrderPlan
    do {
      let account = try tx.requireAccount(order.accountID)
      let planner = SalesOrderPlanner(catalog: try tx.products(), currency: currency)
      let items = ScheduledSalesOrders.items(of: order)
      plan = try planner.plan(
        account: account, items: items,
        subscriptions: try tx.subscriptions(accountID: account.id, skus: planner.subscriptionSKUs(for: items)),
        now: now)
    } catch let error as DomainError {
      _ = try tx.transition(
        order.id, to: .failed, reason: "no longer valid on its date: \(error.message)", by: .system, now: now)
      return
    }
    _ = try tx.fulfil(plan, order: order)
    var provisioning = OrderProvisioning(tx: tx, now: now)
    provisioning.pricedLines = plan.lines
    _ = try provisioning.start(order)
  }
}
