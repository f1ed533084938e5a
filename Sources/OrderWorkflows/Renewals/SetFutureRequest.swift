import Foundation
import OrderDomain
import OrderStorage

/// Manage Renewal (F1, F3): a new quantity for the next renewal, allowed only when every
/// condition of F1 holds; the refusal names the one that failed.
public struct SetFutureRequest: Sendable {
  public var subscriptionID: SubscriptionID
  public var quantity: Int
  public var currency: String
  public var now: Date

  public init(subscriptionID: SubscriptionID, quantity: Int, currency: String, now: Date) {
    self.subscriptionID = subscriptionID
    self.quantity = quantity
    self.currency = currency
    self.now = now
  }

  public func run(_ scoped: ScopedTransaction) throws -> SubscriptionDetails {
    let tx = scoped.tx
    let subscription = try scoped.requireSubscription(self.subscriptionID)
    let pending = try tx.pendingOnRenewalChange(subscriptionID: subscription.id)
    let catalog = try tx.products(for: subscription, actions: [])
    let futureRequest = try RenewalPlanner(catalog: catalog, currency: self.currency).futureRequest(
      quantity: self.quantity, for: subscription, pendingOnRenewalChange: pending?.order.number,
      existing: try tx.futureRequest(of: subscription.id), by: scoped.principal.agent, now: self.now)
    try tx.createFutureRequest(futureRequest, of: subscription)
    return try scoped.subscriptionDetails(subscription.id)
  }
}
