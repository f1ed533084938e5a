import Foundation
import GRDB
import OrderDomain

/// A row of `orderChangeActions`: what a change order asks for, kept whole as JSON (a list of
/// tagged values, written once with the order and always read whole; O5).
struct OrderChangeActionsRecord: Codable, FetchableRecord, PersistableRecord, StoredRecord {
  static let databaseTableName = "orderChangeActions"
  static let primaryKey = ["orderID"]

  var orderID: OrderID
  var actions: String

  init(orderID: OrderID, actions: [ChangeAction]) throws {
    self.orderID = orderID
    self.actions = String(decoding: try JSONEncoder().encode(actions), as: UTF8.self)
  }

  func decodedActions() throws -> [ChangeAction] {
    try JSONDecoder().decode([ChangeAction].self, from: Data(actions.utf8))
  }

  /// The actions of the orders `ids` that have some, by order: one query for all of them.
  static func actions(of ids: [OrderID], _ sql: SQL) throws -> [OrderID: [ChangeAction]] {
    guard !ids.isEmpty else { return [:] }
    let records = try sql.fetchAll(
      OrderChangeActionsRecord.self,
      "SELECT * FROM orderChangeActions WHERE orderID IN (SELECT value FROM json_each(?))", [try IDList.argument(ids)])
    return Dictionary(uniqueKeysWithValues: try records.map { ($0.orderID, try $0.decodedActions()) })
  }
}
