import Foundation
import OrderDomain

extension OrganizationTransaction {
  /// Stores a new future request (F1), checked first with
  /// ``RenewalPlanner/futureRequest(quantity:for:pendingOnRenewalChange:existing:by:now:)``.
  ///
  /// - Throws: `alreadyExists` when the subscription has one (its primary key).
  public func setFutureRequest(_ request: FutureRequest) throws {
    try sql.insert(FutureRequestRecord(request))
  }

  /// The subscription's future request, or `nil`.
  public func futureRequest(of subscription: SubscriptionID) throws -> FutureRequest? {
    try sql.fetchOne(
      FutureRequestRecord.self, "SELECT * FROM futureRequests WHERE subscriptionID = ?", [subscription.rawValue])?
      .request()
  }

  /// Removes the subscription's future request (revoked, applied at the renewal, or void
  /// because the subscription ended); returns it, or `nil` when there was none.
  @discardableResult
  public func deleteFutureRequest(of subscription: SubscriptionID) throws -> FutureRequest? {
    guard let request = try futureRequest(of: subscription) else { return nil }
    try sql.execute("DELETE FROM futureRequests WHERE subscriptionID = ?", [subscription.rawValue])
    return request
  }
}
