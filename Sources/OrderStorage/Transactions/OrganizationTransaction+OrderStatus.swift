import Foundation
import OrderDomain

extension OrganizationTransaction {
  /// Moves an order to `status` and records the change (O4).
  ///
  /// The same as ``transition(_:from:to:reason:by:now:)``: the flow is checked (O2).
  /// - Parameter expected: when given, the change happens only if the order is in this
  ///   status now; otherwise `failedPrecondition` (guards against concurrent changes).
  /// - Throws: `notFound` for an unknown order; `failedPrecondition` for an edge the
  ///   order's flow does not have.
  @discardableResult
  public func changeStatus(
    of id: OrderID, from expected: OrderStatus? = nil, to status: OrderStatus, reason: String, by agent: Agent,
    now: Date
  ) throws -> Order {
    try transition(id, from: expected, to: status, reason: reason, by: agent, now: now)
  }

  /// The status history of an order, oldest first (O4).
  public func statusHistory(of id: OrderID) throws -> [OrderStatusChange] {
    try sql.fetchAll(
      OrderStatusChangeRecord.self, "SELECT * FROM orderStatusChanges WHERE orderID = ? ORDER BY id", [id.rawValue]
    ).map { try $0.change() }
  }

  func recordStatusChange(_ change: OrderStatusChange) throws {
    var record = OrderStatusChangeRecord(change)
    try sql.insert(&record)
  }
}
