import Foundation
import OrderDomain
import OrderStorage

/// Executes scheduled sales orders on their date (S4): `scheduled` -> `executing` ->
/// provisioning -> `completed`, or `failed` with the reason (and its notification).
public struct ExecuteScheduledOrderJob: JobHandler {
  public let kind = JobKind.executeScheduledOrder

  public init() {}

  public func run(_ job: Job, tx: OrganizationTransaction, context: JobContext) throws {
    guard let order = try tx.order(OrderID(job.subject)), order.status == .scheduled else { return }
    let now = context.now
    let executing = try tx.moveOrder(order.id, to: .executing, reason: "execution date reached", by: .system, now: now)
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
      let items = ScheduledSalesOrders.items(of: order)
      let planner = SalesOrderPlanner(catalog: try tx.products(skus: items.map(\.sku)), currency: currency)
      plan = try planner.plan(
        account: account, items: items,
        subscriptions: try tx.subscriptions(accountID: account.id, skus: planner.subscriptionSKUs(for: items)),
        now: now)
    } catch let error as DomainError {
      _ = try tx.moveOrder(
        order.id, to: .failed, reason: "no longer valid on its date: \(error.message)", by: .system, now: now)
      return
    }
    _ = try tx.fulfil(plan, order: order)
    var provisioning = OrderProvisioning(tx: tx, now: now)
    provisioning.pricedLines = plan.lines
    _ = try provisioning.start(order)
  }
}
