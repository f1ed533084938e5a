import Foundation
import OrderDomain
import OrderStorage

/// Scheduled change orders (H1-H10): on a custom date (waits in `scheduled`) or On Renewal
/// (accepted by the vendor at once, then waits in `provisionFinished` until the renewal).
struct ScheduledChanges {
  let tx: OrganizationTransaction
  let now: Date
  let currency: String
  let backordering: Bool

  /// What to schedule: the actions, their timing, the date for a custom-date change.
  struct Request {
    var subscriptionID: SubscriptionID
    var actions: [ChangeAction]
    var timing: ChangeTiming
    var date: CivilDate?
    var by: Agent
  }

  /// The planned change for an estimate or a new order, checked against H2-H5.
  func check(_ request: Request, subscription: Subscription) throws -> (ChangePlan, ScheduledChangePlacement) {
    let planner = ChangePlanner(
      catalog: try self.tx.products(for: subscription, actions: request.actions), currency: self.currency)
    try planner.checkTiming(
      request.timing, actions: request.actions, subscription: subscription, backordering: self.backordering)
    if request.timing == .customDate {
      guard let date = request.date else {
        throw DomainError.invalidArgument("a custom-date change needs its date (YYYY-MM-DD)")
      }
      try UTCCalendar.requireFuture(date, now: self.now)
      guard UTCCalendar.startOfDay(date) < subscription.termEnd else {
        throw DomainError.invalidArgument(
          "\(date) is after the current term ends (\(UTCCalendar.civilDate(of: subscription.termEnd))); schedule it On Renewal"
        )
      }
    }
    let open = try self.tx.openOrderTimings(subscriptionID: subscription.id)
    let placement = try ScheduledChangePlacement.decide(
      timing: request.timing, subscription: subscription.id, openOrders: open.orders, timings: open.timings,
      futureRequest: try self.tx.futureRequest(of: subscription.id), by: request.by)
    let plan: ChangePlan
    switch request.timing {
    case .onRenewal:
      plan = try self.renewalPricing(request.actions, subscription: subscription)
    default:
      // Priced and checked as on its date: prorated from that day to the period's end.
      let date = request.date.map(UTCCalendar.startOfDay) ?? self.now
      plan = try ChangeExecution(tx: self.tx, now: date, currency: self.currency).plan(
        subscription, actions: request.actions, resync: false)
    }
    guard plan.orderType != nil else {
      throw DomainError.invalidArgument("nothing to schedule: the change makes no order")
    }
    return (plan, placement)
  }

  /// An On Renewal change priced as its effect on the renewal: the next term's charge with
  /// the change minus without it, checked against the catalog as the renewal will be.
  private func renewalPricing(_ actions: [ChangeAction], subscription: Subscription) throws -> ChangePlan {
    var probe = subscription
    probe.currentPeriodEnd = subscription.termEnd
    let planner = RenewalPlanner(
      catalog: try self.tx.products(for: subscription, actions: actions), currency: self.currency)
    let base = try subscription.parentSubscriptionID.flatMap { try self.tx.subscription($0) }
    let unchanged = try planner.plan(probe, base: base, now: probe.termEnd)
    let changed = try planner.plan(
      probe, pending: .order(OrderNumber("pending"), actions: actions), base: base, now: probe.termEnd)
    if changed.refused != nil {
      throw DomainError.invalidArgument(
        "the change cannot apply at the renewal: \(changed.refusalReason ?? "it is not valid for this subscription")")
    }
    let effect = try changed.total.subtracting(unchanged.total)
    let line = OrderLine(
      sku: changed.after.sku, quantity: changed.after.quantity,
      unitPrice: changed.lines.first?.unitPrice ?? effect, billingCycle: changed.after.billingCycle,
      term: changed.after.term, amount: effect, periodStart: probe.termEnd, periodEnd: changed.after.currentPeriodEnd)
    return ChangePlan(
      orderType: .change, lines: [line], invoiceLines: changed.invoiceLines, total: effect, before: subscription,
      after: changed.after, details: changed.details)
  }

  /// Schedules the change: supersedes the pending one of the same timing (H4), records the
  /// order, its actions and timing, and the job or vendor acceptance.
  func schedule(_ request: Request) throws -> Order {
    let subscription = try self.tx.requireSubscription(request.subscriptionID)
    let (plan, placement) = try self.check(request, subscription: subscription)
    let executesAt =
      request.timing == .customDate ? request.date.map(UTCCalendar.startOfDay) : subscription.termEnd
    let status: OrderStatus = request.timing == .customDate ? .scheduled : .executing
    guard
      let new = plan.newOrder(
        status: status, createdBy: request.by, scheduledFor: executesAt, reason: "change scheduled")
    else { throw DomainError.internalError("a scheduled change without an order") }
    var order = try self.tx.notifying.createOrder(new, now: self.now)
    if let superseded = placement.supersedes {
      _ = try self.tx.supersede(superseded.id, replacedBy: order.number, by: request.by, now: self.now)
    }
    if placement.revokesFutureRequest {
      // H8: the vendor's own change overrides the platform's future request.
      try self.tx.revokeFutureRequest(of: subscription, by: request.by, now: self.now)
    }
    try self.tx.recordChangeActions(request.actions, of: order.id)
    switch request.timing {
    case .customDate:
      try self.tx.recordScheduling(order: order.id, timing: .customDate, vendorSyncStatus: nil)
      try self.tx.enqueueJob(
        .executeScheduledOrder, subject: order.id.rawValue, dueAt: executesAt ?? self.now, now: self.now)
    case .onRenewal:
      try self.tx.appendNotification(
        NewNotification(
          type: .orderScheduled, time: self.now, subject: .order(order.number), accountID: order.accountID,
          text:
            "order \(order.number) scheduled for the renewal of \(subscription.id) on \(UTCCalendar.civilDate(of: subscription.termEnd))"
        ))
      order = try self.acceptAtVendor(order, subscription: subscription, by: request.by)
    case .now:
      throw DomainError.internalError("an immediate change is not scheduled")
    }
    return order
  }

  /// On Renewal: the vendor accepts (or denies) the change the same day (H7, H10).
  private func acceptAtVendor(_ order: Order, subscription: Subscription, by agent: Agent) throws -> Order {
    switch try VendorCalls(tx: self.tx, now: self.now).change(subscription, order: order, attempt: 1) {
    case .denied(let reason), .failed(let reason):
      try self.tx.recordScheduling(order: order.id, timing: .onRenewal, vendorSyncStatus: .pending)
      let failed = try self.tx.moveOrder(order.id, to: .failed, reason: reason, by: .system, now: self.now)
      try self.tx.appendNotification(
        NewNotification(
          type: .subscriptionChangeError, time: self.now, subject: .subscription(subscription.id),
          accountID: subscription.accountID, text: "the vendor refused \(order.number): \(reason)"))
      return failed
    case .provisioned:
      let vendorSide = agent == .vendorSystem
      try self.tx.recordScheduling(order: order.id, timing: .onRenewal, vendorSyncStatus: .synced)
      let waiting = try self.tx.moveOrder(
        order.id, to: .provisionFinished,
        reason: vendorSide ? "synchronized from the vendor" : "accepted by the vendor; applies at the renewal",
        by: vendorSide ? .vendorSystem : .system, now: self.now)
      try self.tx.appendNotification(
        NewNotification(
          type: .orderScheduledChangeSuccess, time: self.now, subject: .order(order.number), accountID: order.accountID,
          text: "the vendor accepted \(order.number); it applies at the renewal of \(subscription.id)"))
      return waiting
    }
  }

  /// Executes a custom-date change on its date (H6: re-checked against the subscription as it
  /// is then; H7: a vendor denial fails it), with the H10 notifications.
  static func execute(_ order: Order, tx: OrganizationTransaction, currency: String, now: Date) throws {
    let outcome = try ChangeExecution(tx: tx, now: now, currency: currency).run(order, attempt: 1)
    try tx.appendNotification(
      NewNotification(
        type: .onPurchaseNotification, time: now, subject: .order(order.number), accountID: order.accountID,
        text: "scheduled order \(order.number) executed on its date: \(outcome.order.status)"))
  }
}
