import OrderDomain
import OrderStorage

extension ScopedTransaction {
  /// The subscriptions of `accountID` (or all the caller sees), with their pending changes.
  public func subscriptions(accountID: AccountID?) throws -> [SubscriptionDetails] {
    guard let accountID = self.listed(accountID) else { return [] }
    return try self.tx.subscriptions(accountID: accountID).map { try SubscriptionDetails($0, tx: self.tx) }
  }

  /// The subscription, if the caller may see it.
  public func subscription(_ id: SubscriptionID) throws -> Subscription? {
    guard let subscription = try self.tx.subscription(id), self.isVisible(subscription.accountID) else { return nil }
    return subscription
  }

  /// The subscription, or `notFound`.
  public func requireSubscription(_ id: SubscriptionID) throws -> Subscription {
    guard let subscription = try self.subscription(id) else {
      throw DomainError.notFound("subscription \(id) not found")
    }
    return subscription
  }

  /// The subscription with its pending scheduled changes and future request (H9, F1), or
  /// `notFound`.
  public func subscriptionDetails(_ id: SubscriptionID) throws -> SubscriptionDetails {
    try SubscriptionDetails(try self.requireSubscription(id), tx: self.tx)
  }

  /// The subscription's "Notifications and Updates" feed (F3), or `notFound`.
  public func feed(of id: SubscriptionID, limit: Int = 1000) throws -> [NotificationEntry] {
    let subscription = try self.requireSubscription(id)
    return try self.tx.notifications(subject: .subscription(subscription.id), limit: limit)
      .filter { self.isVisible($0.accountID ?? subscription.accountID) }
  }
}

/// A subscription with what is pending on it (H9, F1): what an answer about one
/// subscription shows.
public struct SubscriptionDetails: Sendable {
  public var subscription: Subscription
  /// Its pending scheduled changes, by execution date.
  public var pendingChanges: [ScheduledChange]
  /// Its future request (Manage Renewal), if any.
  public var futureRequest: FutureRequest?

  init(_ subscription: Subscription, tx: OrganizationTransaction) throws {
    self.subscription = subscription
    self.pendingChanges = try tx.pendingScheduledChanges(subscriptionID: subscription.id)
    self.futureRequest = try tx.futureRequest(of: subscription.id)
  }
}
