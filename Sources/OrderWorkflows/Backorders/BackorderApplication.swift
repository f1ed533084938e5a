import Foundation
import OrderDomain
import OrderStorage

/// Applies backorders in the parent organization (B2-B4), inside the parent's transaction:
/// a sale becomes a sales order on the tenant's own account, a change an immediate change
/// of the linked subscription. One the parent cannot apply stalls for an admin; later ones
/// of the same subscription wait behind it.
struct BackorderApplication {
  let tx: OrganizationTransaction
  let currency: String
  let now: Date

  /// Applies `backorder`, then every waiting one it released.
  func apply(_ backorder: Backorder) throws -> Backorder {
    let result = try self.applyOne(backorder)
    while let next = try self.tx.nextReleasableBackorder(tenant: backorder.tenantOrganizationID) {
      _ = try self.applyOne(next)
    }
    return try self.tx.requireBackorder(result.id)
  }

  private func applyOne(_ backorder: Backorder) throws -> Backorder {
    switch try self.tx.planBackorder(backorder, currency: self.currency, now: self.now) {
    case .stall(let reason):
      return try self.tx.notifying.markBackorder(backorder.id, stalled: reason, now: self.now)
    case .nothing:
      return try self.tx.markBackorder(backorder.id, applied: nil, orderID: nil, now: self.now)
    case .sale(_, let plan):
      let order = try self.tx.notifying.createOrder(
        NewOrder(
          type: .sales, status: .executing, accountID: backorder.accountID, createdBy: .system, lines: plan.lines,
          total: plan.total, reason: "backorder \(backorder.id) of \(backorder.tenantOrderNumber)"),
        now: self.now)
      let created = try self.tx.fulfil(plan, order: order)
      var provisioning = OrderProvisioning(tx: self.tx, now: self.now)
      let settled = try provisioning.start(order)
      guard settled.status != .failed else {
        return try self.tx.notifying.markBackorder(
          backorder.id, stalled: "order \(settled.number) failed", now: self.now)
      }
      return try self.tx.markBackorder(
        backorder.id, applied: created.subscriptions.first?.id, orderID: order.id, now: self.now)
    case .change(let subscription, let actions, let plan):
      guard let new = plan.newOrder(status: .executing, createdBy: .system, reason: "backorder \(backorder.id)") else {
        try self.tx.notifying.saveChange(plan, order: nil, by: .system, now: self.now)
        return try self.tx.markBackorder(backorder.id, applied: subscription.id, orderID: nil, now: self.now)
      }
      let order = try self.tx.notifying.createOrder(new, now: self.now)
      try self.tx.recordChangeActions(actions, of: order.id)
      let outcome = try ChangeExecution(tx: self.tx, now: self.now, currency: self.currency).run(order, attempt: 1)
      guard case .completed = outcome else {
        return try self.tx.notifying.markBackorder(
          backorder.id, stalled: "order \(order.number) is \(outcome.order.status)", now: self.now)
      }
      return try self.tx.markBackorder(backorder.id, applied: subscription.id, orderID: order.id, now: self.now)
    }
  }
}
