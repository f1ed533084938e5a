import Foundation
import OrderDomain
import OrderProtocol
import OrderStorage

/// Executes a planned sales order now, inside the caller's transaction: records the order,
/// creates its subscriptions, assets and deliveries, and moves it through its statuses.
struct SalesOrderExecution {
  let plan: SalesOrderPlan
  let account: Account
  let by: Agent
  let now: Date

  func run(in tx: OrganizationTransaction) throws -> Orders_V1_Order {
    let created = try tx.createOrder(
      NewOrder(
        type: .sales, status: .executing, accountID: self.account.id, createdBy: self.by,
        lines: self.plan.lines, total: self.plan.total, reason: "order placed"),
      now: self.now)
    let fulfilment = try tx.fulfil(self.plan, order: created)
    let createdIDs = fulfilment.subscriptions.map(\.id.rawValue) + fulfilment.assets.map(\.id.rawValue)
    let waitsForProvisioning = self.plan.subscriptions.contains { $0.provisioningStatus != .synced }
    let final: OrderStatus = waitsForProvisioning ? .provisioning : .completed
    let reason =
      waitsForProvisioning
      ? "waiting for manual provisioning"
      : "executed" + (createdIDs.isEmpty ? "" : ": created \(createdIDs.joined(separator: ", "))")
    let order = try tx.changeStatus(of: created.id, to: final, reason: reason, by: .system, now: self.now)
    return order.proto(history: try tx.statusHistory(of: created.id))
  }
}
