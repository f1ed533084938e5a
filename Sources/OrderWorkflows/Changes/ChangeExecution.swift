import Foundation
import OrderDomain
import OrderStorage

/// Runs an executing change order (CH, CL, CF, RC) inside one transaction: re-checks its
/// actions against the subscription as it is now, asks the vendor, and applies the change.
/// A vendor denial fails the order (H7); a provisioning failure stalls it for an admin (O2).
struct ChangeExecution {
  let tx: OrganizationTransaction
  let now: Date
  let currency: String

  enum Outcome {
    case completed(Order, Invoice?)
    case failed(Order)
    case stalled(Order)
  }

  /// Plans `actions` on the subscription now (C1 rules, vendor capabilities).
  func plan(_ subscription: Subscription, actions: [ChangeAction], resync: Bool) throws -> ChangePlan {
    if resync {
      let catalog = try self.tx.products(for: subscription, actions: [])
      return try ChangePlanner(catalog: catalog, currency: self.currency).resync(subscription, now: self.now)
    }
    let base = try subscription.parentSubscriptionID.flatMap { try self.tx.subscription($0) }
    let addons = try self.tx.addons(of: subscription.id).filter { $0.status == .active }
    let catalog = try self.tx.products(for: subscription, addons: addons, actions: actions)
    return try ChangePlanner(catalog: catalog, currency: self.currency).plan(
      subscription, actions: actions, base: base, addons: addons, now: self.now)
  }

  /// Executes `order`, which is `executing` (or `provisioning` on a retry).
  func run(_ order: Order, attempt: Int) throws -> Outcome {
    guard let subscriptionID = order.subscriptionID else {
      throw DomainError.internalError("order \(order.number) changes no subscription")
    }
    let subscription = try self.tx.requireSubscription(subscriptionID)
    let plan: ChangePlan
    do {
      plan = try self.plan(
        subscription, actions: try self.tx.changeActions(of: order.id), resync: order.type == .resource)
    } catch let error as DomainError {
      // H6: the subscription changed meanwhile and the change no longer applies.
      return .failed(try self.fail(order, subscription, reason: error.message))
    }
    let provisioning =
      order.status == .provisioning
      ? order
      : try self.tx.moveOrder(order.id, to: .provisioning, reason: "sent to the vendor", by: .system, now: self.now)
    switch try VendorCalls(tx: self.tx, now: self.now).change(subscription, order: order, attempt: attempt) {
    case .denied(let reason):
      return .failed(try self.fail(provisioning, subscription, reason: reason))
    case .failed(let reason):
      return .stalled(
        try self.tx.moveOrder(order.id, to: .provisioningFailed, reason: reason, by: .system, now: self.now))
    case .provisioned:
      try self.tx.notifying.saveChange(plan, order: order, by: order.createdBy, now: self.now)
      let completed = try self.tx.moveOrder(
        order.id, to: .completed, reason: plan.summary.isEmpty ? "applied" : "applied: \(plan.summary)", by: .system,
        now: self.now)
      let invoice = try Invoicing(tx: self.tx, now: self.now).invoice(completed)
      try Backordering.record(
        BackorderChange.changes(plan, orderNumber: order.number, at: self.now), tx: self.tx, now: self.now)
      try self.tx.appendNotification(
        NewNotification(
          type: .subscriptionChangeSuccess, time: self.now, subject: .subscription(subscription.id),
          accountID: subscription.accountID, text: "order \(order.number) changed subscription \(subscription.id)"))
      return .completed(completed, invoice)
    }
  }

  private func fail(_ order: Order, _ subscription: Subscription, reason: String) throws -> Order {
    let failed = try self.tx.moveOrder(order.id, to: .failed, reason: reason, by: .system, now: self.now)
    try self.tx.appendNotification(
      NewNotification(
        type: .subscriptionChangeError, time: self.now, subject: .subscription(subscription.id),
        accountID: subscription.accountID,
        text: "order \(order.number) could not change subscription \(subscription.id): \(reason)"))
    return failed
  }
}

extension ChangeExecution.Outcome {
  var order: Order {
    switch self {
    case .completed(let order, _), .failed(let order), .stalled(let order): order
    }
  }

  var invoice: Invoice? {
    if case .completed(_, let invoice) = self { return invoice }
    return nil
  }
}
