import Foundation
import OrderDomain
import OrderStorage

/// An immediate change of a subscription (H1 `now`, F4), or with no actions a resync (`RC`):
/// planned against the subscription as it is, sent to its vendor (now, or by a `provision`
/// job after the vendor's delay), applied and invoiced. A setting alone (auto-renew, H3)
/// changes without an order.
public struct ChangeSubscription: Sendable {
  public var subscriptionID: SubscriptionID
  /// The actions, or nil for a resync.
  public var actions: [ChangeAction]?
  public var currency: String
  public var now: Date

  public init(subscriptionID: SubscriptionID, actions: [ChangeAction]?, currency: String, now: Date) {
    self.subscriptionID = subscriptionID
    self.actions = actions
    self.currency = currency
    self.now = now
  }

  public func run(_ scoped: ScopedTransaction) throws -> ChangeOutcome {
    let tx = scoped.tx
    let agent = scoped.principal.agent
    let subscription = try scoped.requireSubscription(self.subscriptionID)
    let id = subscription.id
    try OrderFlow.requireNoneInProgress(subscription: id, orders: try tx.openOrders(subscriptionID: id))
    let execution = ChangeExecution(tx: tx, now: self.now, currency: self.currency)
    let plan = try execution.plan(subscription, actions: self.actions ?? [], resync: self.actions == nil)
    guard
      let new = plan.newOrder(
        status: .executing, createdBy: agent, reason: self.actions == nil ? "resync requested" : "change requested")
    else {
      // A setting (auto-renew) changes without an order.
      try tx.notifying.saveChange(plan, order: nil, by: agent, now: self.now)
      return ChangeOutcome(subscription: plan.after, order: nil, invoice: nil)
    }
    let order = try tx.notifying.createOrder(new, now: self.now)
    try tx.recordChangeActions(self.actions ?? [], of: order.id)
    let delay = try VendorCalls(tx: tx, now: self.now).delay(of: subscription.sku)
    let settled: Order
    var invoice: Invoice?
    if delay > 0 {
      // The vendor answers after its delay: a `provision` job finishes the order.
      settled = try tx.moveOrder(order.id, to: .provisioning, reason: "sent to the vendor", by: .system, now: self.now)
      try tx.enqueueJob(
        .provision, subject: order.id.rawValue, dueAt: self.now.addingTimeInterval(Double(delay)), now: self.now)
    } else {
      let outcome = try execution.run(order, attempt: 1)
      settled = outcome.order
      invoice = outcome.invoice
    }
    return ChangeOutcome(
      subscription: try tx.requireSubscription(id), order: try OrderWithHistory(settled, tx: tx), invoice: invoice)
  }

  /// What the change would cost, changing nothing.
  public func estimate(_ scoped: ScopedTransaction) throws -> ChangeEstimate {
    let subscription = try scoped.requireSubscription(self.subscriptionID)
    let plan = try ChangeExecution(tx: scoped.tx, now: self.now, currency: self.currency).plan(
      subscription, actions: self.actions ?? [], resync: self.actions == nil)
    return ChangeEstimate(plan: plan, subscription: subscription)
  }
}

/// A change as it settled: the subscription after it, its order (none for a setting alone)
/// and the order's invoice.
public struct ChangeOutcome: Sendable {
  public var subscription: Subscription
  public var order: OrderWithHistory?
  public var invoice: Invoice?
}

/// A change as it would be: its plan and the subscription before it.
public struct ChangeEstimate: Sendable {
  public var plan: ChangePlan
  public var subscription: Subscription
}
