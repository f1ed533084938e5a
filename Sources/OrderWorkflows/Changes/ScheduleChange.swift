import Foundation
import OrderDomain
import OrderStorage

/// Schedules a change of a subscription (H1-H8): on a custom date or On Renewal; or its
/// estimate. The vendor's own scheduled changes come in as On Renewal changes by
/// `Vendor System` (H8).
public struct ScheduleChange: Sendable {
  public var subscriptionID: SubscriptionID
  public var actions: [ChangeAction]
  public var timing: ChangeTiming
  /// The date of a custom-date change.
  public var date: CivilDate?
  /// Who asks: the caller, or ``Agent/vendorSystem`` for a synchronized vendor change.
  public var by: Agent
  public var organizationKind: OrganizationKind
  public var currency: String
  public var now: Date

  public init(
    subscriptionID: SubscriptionID, actions: [ChangeAction], timing: ChangeTiming, date: CivilDate?, by: Agent,
    organizationKind: OrganizationKind, currency: String, now: Date
  ) {
    self.subscriptionID = subscriptionID
    self.actions = actions
    self.timing = timing
    self.date = date
    self.by = by
    self.organizationKind = organizationKind
    self.currency = currency
    self.now = now
  }

  /// Schedules the change; answers the subscription and the change order.
  public func run(_ scoped: ScopedTransaction) throws -> ChangeOutcome {
    let subscription = try scoped.requireSubscription(self.subscriptionID)
    let order = try self.changes(scoped).schedule(self.request)
    return ChangeOutcome(
      subscription: try scoped.tx.requireSubscription(subscription.id),
      order: try OrderWithHistory(order, tx: scoped.tx),
      invoice: nil)
  }

  /// What the scheduled change would cost, changing nothing.
  public func estimate(_ scoped: ScopedTransaction) throws -> ChangeEstimate {
    let subscription = try scoped.requireSubscription(self.subscriptionID)
    let (plan, _) = try self.changes(scoped).check(self.request, subscription: subscription)
    return ChangeEstimate(plan: plan, subscription: subscription)
  }

  private var request: ScheduledChanges.Request {
    ScheduledChanges.Request(
      subscriptionID: self.subscriptionID, actions: self.actions, timing: self.timing, date: self.date, by: self.by)
  }

  private func changes(_ scoped: ScopedTransaction) throws -> ScheduledChanges {
    let backordering = try scoped.tx.settings().backordering ?? self.organizationKind.backordersByDefault
    return ScheduledChanges(tx: scoped.tx, now: self.now, currency: self.currency, backordering: backordering)
  }
}
