import Foundation

extension OrderFlow {
  /// Checks that `order` may move to `status` and returns the change to record (O2, O4).
  ///
  /// - Throws: `failedPrecondition` naming the type, both statuses and what is allowed,
  ///   e.g. "order CH-000002: a CH order cannot go from completed to provisioning; allowed
  ///   from completed: none"; `internalError` when `order` is not of this flow's type.
  public func transition(
    _ order: Order, to status: OrderStatus, reason: String, by agent: Agent, at time: Date
  ) throws(DomainError) -> OrderStatusChange {
    guard order.type == type else {
      throw .internalError("order \(order.number) is a \(order.type.rawValue) order, not \(type.rawValue)")
    }
    guard allows(from: order.status, to: status) else {
      let allowed = edges(from: order.status).map(\.to.rawValue)
      throw .failedPrecondition(
        "order \(order.number): a \(type.rawValue) order cannot go from \(order.status) to \(status); "
          + "allowed from \(order.status): \(allowed.isEmpty ? "none" : allowed.joined(separator: ", "))")
    }
    return OrderStatusChange(orderID: order.id, time: time, from: order.status, to: status, reason: reason, by: agent)
  }

  /// The change a manual action makes (O2): retry a stall, or cancel.
  ///
  /// - Throws: `failedPrecondition` naming where the action is available.
  public func apply(
    _ action: ManualAction, to order: Order, reason: String, by agent: Agent, at time: Date
  ) throws(DomainError) -> OrderStatusChange {
    guard let target = target(of: action, from: order.status) else {
      let from = edges.filter { $0.action == action }.map(\.from.rawValue)
      throw .failedPrecondition(
        "order \(order.number) is \(order.status): \(action.rawValue) is possible only from "
          + (from.isEmpty ? "no status of a \(type.rawValue) order" : from.joined(separator: ", ")))
    }
    return try transition(order, to: target, reason: reason, by: agent, at: time)
  }

  /// Checks the flow of `order`'s type; see ``transition(_:to:reason:by:at:)``.
  public static func transition(
    _ order: Order, to status: OrderStatus, reason: String, by agent: Agent, at time: Date
  ) throws(DomainError) -> OrderStatusChange {
    try of(order.type).transition(order, to: status, reason: reason, by: agent, at: time)
  }

  /// Checks that a new order of `type` may start in `status`.
  public static func requireInitial(_ status: OrderStatus, for type: OrderType) throws(DomainError) {
    let flow = of(type)
    guard flow.initial.contains(status) else {
      throw .internalError(
        "a \(type.rawValue) order cannot start in \(status); it starts in "
          + flow.initial.map(\.rawValue).joined(separator: " or "))
    }
  }
}
