import Foundation

/// A quantity that applies at the subscription's next renewal ("Manage Renewal", F1).
///
/// At most one per subscription; revoked until the renewal (F2). Creating or revoking it
/// adds a comment to the subscription's feed (F3).
public struct FutureRequest: Hashable, Sendable {
  public var subscriptionID: SubscriptionID
  /// The quantity from the next renewal on.
  public var quantity: Int
  public var createdAt: Date
  public var createdBy: Agent

  public init(subscriptionID: SubscriptionID, quantity: Int, createdAt: Date, createdBy: Agent) {
    self.subscriptionID = subscriptionID
    self.quantity = quantity
    self.createdAt = createdAt
    self.createdBy = createdBy
  }
}

extension NewNotification {
  /// The `SubscriptionComment` for a created future request (F3), e.g. "Future request:
  /// quantity 5 -> 8 at the renewal on 2027-02-01, by admin:k1".
  public static func futureRequestCreated(_ request: FutureRequest, subscription: Subscription) -> NewNotification {
    NewNotification(
      type: .subscriptionComment, time: request.createdAt, subject: .subscription(subscription.id),
      accountID: subscription.accountID,
      text:
        "Future request: quantity \(subscription.quantity) -> \(request.quantity) at the renewal on \(UTCCalendar.civilDate(of: subscription.termEnd)), by \(request.createdBy)"
    )
  }

  /// The `SubscriptionComment` for a revoked future request (F2, F3).
  public static func futureRequestRevoked(
    _ request: FutureRequest, subscription: Subscription, by agent: Agent, at time: Date
  ) -> NewNotification {
    NewNotification(
      type: .subscriptionComment, time: time, subject: .subscription(subscription.id),
      accountID: subscription.accountID,
      text:
        "Future request revoked: quantity \(request.quantity) will not apply at the renewal on \(UTCCalendar.civilDate(of: subscription.termEnd)); the quantity stays \(subscription.quantity), by \(agent)"
    )
  }
}
