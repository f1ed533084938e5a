import Foundation
import OrderDomain
import OrderStorage

/// Revokes a subscription's future request before its renewal (F2, F3).
public struct RevokeFutureRequest: Sendable {
  public var subscriptionID: SubscriptionID
  public var now: Date

  public init(subscriptionID: SubscriptionID, now: Date) {
    self.subscriptionID = subscriptionID
    self.now = now
  }

  public func run(_ scoped: ScopedTransaction) throws -> SubscriptionDetails {
    let tx = scoped.tx
    let subscription = try scoped.requireSubscription(self.subscriptionID)
    guard try tx.futureRequest(of: subscription.id) != nil else {
      throw DomainError.failedPrecondition("subscription \(subscription.id) has no future request to revoke")
    }
    try tx.revokeFutureRequest(of: subscription, by: scoped.principal.agent, now: self.now)
    return try scoped.subscriptionDetails(subscription.id)
  }
}
