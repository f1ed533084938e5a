import Foundation
import OrderDomain

extension OrganizationTransaction {
  /// Marks a backorder applied (B3) with what applying it made or changed here; for a
  /// `sale`, also links the tenant's subscription to `subscriptionID`.
  ///
  /// - Parameters:
  ///   - subscriptionID: the parent subscription created or changed; `nil` when nothing was.
  ///   - orderID: the parent's order; `nil` when none was needed.
  /// - Throws: `notFound` for an unknown backorder; `failedPrecondition` when it was
  ///   applied already.
  @discardableResult
  public func markBackorder(
    _ id: BackorderID, applied subscriptionID: SubscriptionID?, orderID: OrderID?, now: Date
  ) throws -> Backorder {
    var backorder = try requireBackorder(id)
    guard backorder.status != .applied else {
      throw DomainError.failedPrecondition("backorder \(id) is applied already; it applies exactly once")
    }
    backorder.status = .applied
    backorder.reason = nil
    backorder.waitingBehind = nil
    backorder.subscriptionID = subscriptionID
    backorder.orderID = orderID
    backorder.appliedAt = now
    try updateStatus(backorder)
    if backorder.kind == .sale, let subscriptionID {
      try linkParentSubscription(
        tenant: backorder.tenantOrganizationID, tenantSubscription: backorder.tenantSubscriptionID,
        to: subscriptionID)
    }
    return backorder
  }

  /// Marks a backorder stalled for manual action (B3). It notifies nothing: the workflows
  /// append `BackorderFailed` (B6).
  ///
  /// - Throws: `notFound` for an unknown backorder; `failedPrecondition` when it was applied.
  @discardableResult
  public func markBackorder(_ id: BackorderID, stalled reason: String) throws -> Backorder {
    var backorder = try requireBackorder(id)
    guard backorder.status != .applied else {
      throw DomainError.failedPrecondition("backorder \(id) is applied already and cannot stall")
    }
    backorder.status = .stalled
    backorder.reason = reason
    backorder.waitingBehind = nil
    try updateStatus(backorder)
    return backorder
  }

  /// Marks a backorder waiting behind an earlier one of the same tenant subscription (B3).
  ///
  /// - Throws: `notFound` for an unknown backorder; `failedPrecondition` when it was applied.
  @discardableResult
  public func markBackorder(_ id: BackorderID, waitingBehind blocker: BackorderID) throws -> Backorder {
    var backorder = try requireBackorder(id)
    let blocking = try requireBackorder(blocker)
    guard backorder.status != .applied else {
      throw DomainError.failedPrecondition("backorder \(id) is applied already and cannot wait")
    }
    backorder.status = .waiting
    backorder.reason = Self.waitingReason(blocking)
    backorder.waitingBehind = blocker
    try updateStatus(backorder)
    return backorder
  }

  func updateStatus(_ backorder: Backorder) throws {
    guard try sql.update(BackorderRecord(backorder), columns: BackorderRecord.Columns.progress) else {
      throw DomainError.notFound("backorder \(backorder.id) not found")
    }
  }
}
