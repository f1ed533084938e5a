import Foundation
import OrderDomain
import OrderStorage

/// Future requests with their comments on the subscription's feed (F3).
extension OrganizationTransaction {
  /// Stores a checked future request (F1) and comments on the subscription's feed.
  func createFutureRequest(_ request: FutureRequest, of subscription: Subscription) throws {
    try self.setFutureRequest(request)
    try self.appendNotification(.futureRequestCreated(request, subscription: subscription))
  }

  /// Revokes the subscription's future request (F2) and comments on its feed.
  ///
  /// - Throws: `notFound` when there is no future request.
  @discardableResult
  func revokeFutureRequest(of subscription: Subscription, by agent: Agent, now: Date) throws -> FutureRequest {
    guard let request = try self.deleteFutureRequest(of: subscription.id) else {
      throw DomainError.notFound("subscription \(subscription.id) has no future request to revoke")
    }
    try self.appendNotification(.futureRequestRevoked(request, subscription: subscription, by: agent, at: now))
    return request
  }
}
