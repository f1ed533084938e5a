import Foundation
import GRDB
import OrderDomain

extension OrganizationTransaction {
  /// Stores a new future request (F1) and comments on the subscription's feed (F3).
  ///
  /// Check it first with ``RenewalPlanner/futureRequest(quantity:for:pendingOnRenewalChange:existing:by:now:)``.
  /// - Throws: `notFound` for an unknown subscription; `alreadyExists` when it has one.
  public func setFutureRequest(_ request: FutureRequest) throws {
    let subscription = try requireSubscription(request.subscriptionID)
    if let existing = try futureRequest(of: request.subscriptionID) {
      throw DomainError.alreadyExists(
        "subscription \(request.subscriptionID) already has a future request for quantity \(existing.quantity); revoke it first"
      )
    }
    try FutureRequestRecord(request).insert(db)
    try appendNotification(.futureRequestCreated(request, subscription: subscription))
  }

  /// The subscription's future request, or `nil`.
  public func futureRequest(of subscription: SubscriptionID) throws -> FutureRequest? {
    try FutureRequestRecord.fetchOne(
      try db.cachedStatement(sql: "SELECT * FROM futureRequests WHERE subscriptionID = ?"),
      arguments: [subscription.rawValue]
    )?.request()
  }

  /// Revokes the subscription's future request (F2) and comments on its feed (F3).
  ///
  /// - Throws: `notFound` when there is no future request.
  @discardableResult
  public func revokeFutureRequest(of subscriptionID: SubscriptionID, by agent: Agent, now: Date) throws
    -> FutureRequest
  {
    let subscription = try requireSubscription(subscriptionID)
    guard let request = try deleteFutureRequest(of: subscriptionID) else {
      throw DomainError.notFound("subscription \(subscriptionID) has no future request to revoke")
    }
    try appendNotification(.futureRequestRevoked(request, subscription: subscription, by: agent, at: now))
    return request
  }

  /// Removes the subscription's future request without a comment (it was applied at the
  /// renewal, or the subscription ended); returns it, or `nil` when there was none.
  @discardableResult
  public func deleteFutureRequest(of subscription: SubscriptionID) throws -> FutureRequest? {
    guard let request = try futureRequest(of: subscription) else { return nil }
    try db.cachedStatement(sql: "DELETE FROM futureRequests WHERE subscriptionID = ?").execute(arguments: [
      subscription.rawValue
    ])
    return request
  }
}
