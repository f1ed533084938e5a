import Foundation
import GRDB
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
    try Row.fetchAll(
      try db.cachedStatement(sql: "SELECT * FROM orderStatusChanges WHERE orderID = ? ORDER BY id"),
      arguments: [id.rawValue]
    ).map(OrderStatusChange.init(row:))
  }

  func recordStatusChange(_ change: OrderStatusChange) throws {
    try db.cachedStatement(
      sql:
        "INSERT INTO orderStatusChanges (orderID, time, fromStatus, toStatus, reason, byActor) VALUES (?, ?, ?, ?, ?, ?)"
    ).execute(arguments: [
      change.orderID.rawValue, change.time, change.from?.rawValue, change.to.rawValue, change.reason,
      change.by.rawValue,
    ])
  }
}

extension OrderStatusChange {
  init(row: Row) throws {
    self.init(
      orderID: OrderID(try row.decode("orderID") as String), time: try row.decode("time"),
      from: try row.decodeIfPresent("fromStatus", as: String.self).map(OrderStatus.init),
      to: OrderStatus(try row.decode("toStatus") as String), reason: try row.decode("reason"),
      by: try row.decode("byActor"))
  }
}
