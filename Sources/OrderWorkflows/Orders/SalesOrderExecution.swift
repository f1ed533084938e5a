import Foundation
import OrderDomain
import OrderStorage

/// Executes a planned sales order now, inside the caller's transaction: records the `SO`,
/// creates its subscriptions, assets and deliveries, and provisions them (O1, A1).
struct SalesOrderExecution {
  let plan: SalesOrderPlan
  let account: Account
  let by: Agent
  let now: Date

  func run(in tx: OrganizationTransaction) throws -> Order {
    let created = try tx.notifying.createOrder(
      NewOrder(
        type: .sales, status: .executing, accountID: self.account.id, createdBy: self.by,
        lines: self.plan.lines, total: self.plan.total, reason: "order placed"),
      now: self.now)
    _ = try tx.fulfil(self.plan, order: created)
    var provisioning = OrderProvisioning(tx: tx, now: self.now)
    return try provisioning.start(created)
  }
}
