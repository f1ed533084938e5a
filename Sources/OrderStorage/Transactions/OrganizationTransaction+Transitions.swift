import Foundation
import OrderDomain

extension OrganizationTransaction {
  /// Moves an order along an edge of its flow (O2) and records the change (O4). The flow is
  /// checked here as the last line of defence of the stored statuses; notifying the change
  /// (N1) is the workflows' business.
  ///
  /// - Parameter expected: when given, the order must be in this status now, else
  ///   `failedPrecondition` (guards against a concurrent change).
  /// - Throws: `notFound` for an unknown order; `failedPrecondition` for a transition the
  ///   flow does not allow, naming what is allowed.
  @discardableResult
  public func transition(
    _ id: OrderID, from expected: OrderStatus? = nil, to status: OrderStatus, reason: String, by agent: Agent,
    now: Date
  ) throws -> Order {
    let order = try requireOrder(id)
    try requireStatus(order, expected)
    return try record(try OrderFlow.transition(order, to: status, reason: reason, by: agent, at: now), of: order)
  }

  /// Applies a manual action (retry a stall, cancel) to an order (O2), recorded like
  /// ``transition(_:from:to:reason:by:now:)``.
  ///
  /// - Throws: `failedPrecondition` naming the statuses the action is possible from.
  @discardableResult
  public func apply(
    _ action: OrderFlow.ManualAction, to id: OrderID, from expected: OrderStatus? = nil, reason: String,
    by agent: Agent, now: Date
  ) throws -> Order {
    let order = try requireOrder(id)
    try requireStatus(order, expected)
    return try record(
      try OrderFlow.of(order.type).apply(action, to: order, reason: reason, by: agent, at: now), of: order)
  }

  private func requireStatus(_ order: Order, _ expected: OrderStatus?) throws {
    if let expected, order.status != expected {
      throw DomainError.failedPrecondition(
        "order \(order.number) is \(order.status), not \(expected); reload it and try again")
    }
  }

  private func record(_ change: OrderStatusChange, of order: Order) throws -> Order {
    try sql.execute("UPDATE orders SET status = ? WHERE id = ?", [change.to.rawValue, order.id.rawValue])
    try recordStatusChange(change)
    var moved = order
    moved.status = change.to
    return moved
  }
}
