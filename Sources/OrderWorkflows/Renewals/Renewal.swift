import Foundation
import OrderDomain
import OrderStorage

/// One renewal, inside the job's transaction.
struct Renewal {
  let tx: OrganizationTransaction
  let currency: String
  let now: Date

  func renew(_ subscription: Subscription) throws {
    // The renewal happens at the period end, even when the job runs later (after downtime).
    let at = subscription.currentPeriodEnd
    let pending = try self.tx.openOrders(subscriptionID: subscription.id).first {
      $0.type == .change && $0.status == .provisionFinished
    }
    let futureRequest = try self.tx.futureRequest(of: subscription.id)
    let change: RenewalChange? =
      if let pending {
        .order(pending.number, actions: try self.tx.changeActions(of: pending.id))
      } else {
        futureRequest.map(RenewalChange.futureRequest)
      }
    let base = try subscription.parentSubscriptionID.flatMap { try self.tx.subscription($0) }
    let catalog = try self.tx.products(for: subscription, actions: change?.actions ?? [])
    let plan = try RenewalPlanner(catalog: catalog, currency: self.currency).plan(
      subscription, pending: change, base: base, now: at)
    try self.tx.updateSubscription(plan.after)
    if futureRequest != nil, plan.outcome != .billing {
      // Applied (or void, when the subscription expired) at this renewal.
      _ = try self.tx.deleteFutureRequest(of: subscription.id)
    }
    guard plan.outcome != .expiry,
      let new = plan.newOrder(status: .executing, reason: plan.summary)
    else {
      try self.tx.appendNotification(
        NewNotification(
          type: .subscriptionChanged, time: at, subject: .subscription(subscription.id),
          accountID: subscription.accountID, text: "subscription \(subscription.id) expired at the end of its term"))
      if let pending {
        _ = try self.tx.moveOrder(
          pending.id, to: .failed, reason: "the subscription expired", by: .system, now: self.now)
      }
      return
    }
    let order = try self.tx.notifying.createOrder(new, now: self.now)
    let completed = try self.tx.moveOrder(order.id, to: .completed, reason: plan.summary, by: .system, now: self.now)
    if !completed.total.isZero {
      _ = try self.tx.notifying.createInvoice(try plan.newInvoice(order: completed, issuedAt: self.now), of: completed)
    }
    // B2: a renewal that changed the quantity (a future request's effect) reaches the parent.
    try Backordering.record(
      BackorderChange.changes(plan, orderNumber: completed.number, at: self.now), tx: self.tx, now: self.now)
    if let pending {
      if plan.applied != nil {
        _ = try self.tx.moveOrder(
          pending.id, to: .completed, reason: "applied by \(completed.number) at the renewal", by: .system,
          now: self.now)
      } else if plan.refused != nil {
        let reason = plan.refusalReason ?? "no longer valid at the renewal"
        _ = try self.tx.moveOrder(pending.id, to: .failed, reason: reason, by: .system, now: self.now)
        try self.tx.appendNotification(
          NewNotification(
            type: .subscriptionChangeError, time: self.now, subject: .subscription(subscription.id),
            accountID: subscription.accountID, text: "\(pending.number) was not applied at the renewal: \(reason)"))
      }
    }
    if plan.after.status == .active {
      try self.tx.enqueueJob(
        .renew, subject: subscription.id.rawValue, dueAt: plan.after.currentPeriodEnd, now: self.now)
    }
  }
}
