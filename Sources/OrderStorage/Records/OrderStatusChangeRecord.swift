import Foundation
import GRDB
import OrderDomain

/// A row of `orderStatusChanges`: one step of an order's history (append-only, O4).
struct OrderStatusChangeRecord: FetchableRecord, AutoKeyedRecord {
  static let databaseTableName = "orderStatusChanges"
  static let autoKeyColumn = "id"

  /// Assigned by SQLite on insert; the history's order.
  var id: Int64?
  var orderID: OrderID
  var time: Date
  var fromStatus: OrderStatus?
  var toStatus: OrderStatus
  var reason: String
  var byActor: String

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

  var autoKey: Int64? {
    get { id }
    set { id = newValue }
  }

  func change() throws -> OrderStatusChange {
    OrderStatusChange(
      orderID: orderID, time: time, from: fromStatus, to: toStatus, reason: reason,
      by: try Agent.stored(byActor, column: "orderStatusChanges.byActor"))
  }
}

extension OrderStatusChangeRecord {
  /// Read and written column by column rather than through `Codable`: these rows are read
  /// and written on every order placed, where GRDB's `Codable` path cost half again as much
  /// CPU (issue 11, see docs/decisions.md).
  init(row: Row) throws {
    id = try row.decodeIfPresent("id")
    orderID = try row.decode("orderID")
    time = try row.decode("time")
    fromStatus = try row.decodeIfPresent("fromStatus")
    toStatus = try row.decode("toStatus")
    reason = try row.decode("reason")
    byActor = try row.decode("byActor")
  }

  func encode(to container: inout PersistenceContainer) {
    container["id"] = id
    container["orderID"] = orderID.rawValue
    container["time"] = time
    container["fromStatus"] = fromStatus?.rawValue
    container["toStatus"] = toStatus.rawValue
    container["reason"] = reason
    container["byActor"] = byActor
  }
}

extension OrderStatusChangeRecord {
  init(_ change: OrderStatusChange) {
    self.init(
      id: nil, orderID: change.orderID, time: change.time, fromStatus: change.from, toStatus: change.to,
      reason: change.reason, byActor: change.by.rawValue)
  }
}
