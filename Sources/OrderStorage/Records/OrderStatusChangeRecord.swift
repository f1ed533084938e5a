import Foundation
import GRDB
import OrderDomain

/// A row of `orderStatusChanges`: one step of an order's history (append-only, O4).
struct OrderStatusChangeRecord: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "orderStatusChanges"

  /// Assigned by SQLite on insert; the history's order.
  var id: Int64?
  var orderID: OrderID
  var time: Date
  var fromStatus: OrderStatus?
  var toStatus: OrderStatus
  var reason: String
  var byActor: String

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

  func change() throws -> OrderStatusChange {
    OrderStatusChange(
      orderID: orderID, time: time, from: fromStatus, to: toStatus, reason: reason,
      by: try Agent.stored(byActor, column: "orderStatusChanges.byActor"))
  }
}

extension OrderStatusChangeRecord {
  init(_ change: OrderStatusChange) {
    self.init(
      id: nil, orderID: change.orderID, time: change.time, fromStatus: change.from, toStatus: change.to,
      reason: change.reason, byActor: change.by.rawValue)
  }
}
