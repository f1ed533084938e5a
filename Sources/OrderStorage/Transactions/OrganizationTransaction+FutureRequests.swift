import Foundation
import GRDB
import OrderDomain

extension OrganizationTransaction {
  /// Stores a new future request (F1), checked first with
  /// ``RenewalPlanner/futureRequest(quantity:for:pendingOnRenewalChange:existing:by:now:)``.
  ///
  /// - Throws: `alreadyExists` when the subscription has one (its primary key).
  public func setFutureRequest(_ request: FutureRequest) throws {
    try FutureRequestRecord(request).insert(db)
  }

  /// The subscription's future request, or `nil`.
  public func futureRequest(of subscription: SubscriptionID) throws -> FutureRequest? {
    try FutureRequestRecord.fetchOne(
      try db.cachedStatement(sql: "SELECT * FROM futureRequests WHERE subscriptionID = ?"),
      arguments: [subscription.rawValue]
    )?.request()
  }

  /// Removes the subscription's future request (revoked, applied at the renewal, or void
  /// because the subscription ended); returns it, or `nil` when there was none.
  @discardableResult
  public func deleteFutureRequest(of subscription: SubscriptionID) throws -> FutureRequest? {
    guard let request = try futureRequest(of: subscription) else { return nil }
    try db.cachedStatement(sql: "DELETE FROM futureRequests WHERE subscriptionID = ?").execute(arguments: [
      subscription.rawValue
    ])
    return request
  }
}
