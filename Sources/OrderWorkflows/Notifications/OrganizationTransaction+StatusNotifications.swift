import Foundation
import OrderDomain
import OrderStorage

/// Status changes as the workflows make them: moved along the order's flow and recorded
/// (O2, O4) by storage, then notified (N1) here.
extension OrganizationTransaction {
  /// Moves an order along an edge of its flow, records and notifies the change.
  @discardableResult
  func moveOrder(
    _ id: OrderID, from expected: OrderStatus? = nil, to status: OrderStatus, reason: String, by agent: Agent,
    now: Date
  ) throws -> Order {
    try self.notifyStatusChange(
      of: try self.transition(id, from: expected, to: status, reason: reason, by: agent, now: now))
  }

  /// Applies a manual action (retry, cancel) to an order, records and notifies the change.
  @discardableResult
  func performAction(
    _ action: OrderFlow.ManualAction, on id: OrderID, reason: String, by agent: Agent, now: Date
  ) throws -> Order {
    try self.notifyStatusChange(of: try self.apply(action, to: id, reason: reason, by: agent, now: now))
  }

  /// Ends a pending scheduled change as `superseded` by a newer one of the same timing (H4,
  /// H8), with the `OrderSuperseded` notification.
  @discardableResult
  func supersede(_ id: OrderID, replacedBy newer: OrderNumber, by agent: Agent, now: Date) throws -> Order {
    try self.moveOrder(id, to: .superseded, reason: "replaced by \(newer)", by: agent, now: now)
  }

  /// Appends the notification of the order's last status change (`OrderCompleted`,
  /// `OrderFailed`, ..., N1).
  private func notifyStatusChange(of order: Order) throws -> Order {
    guard let change = try self.statusHistory(of: order.id).last else { return order }
    try self.appendNotification(NewNotification.statusChanged(order, change))
    return order
  }
}
