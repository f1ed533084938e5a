import Foundation
import GRDB
import OrderDomain

extension OrganizationTransaction {
  /// Stores what a change order asks for, once, with the order (O5).
  public func recordChangeActions(_ actions: [ChangeAction], of order: OrderID) throws {
    let json = String(decoding: try JSONEncoder().encode(actions), as: UTF8.self)
    try db.cachedStatement(sql: "INSERT INTO orderChangeActions (orderID, actions) VALUES (?, ?)").execute(arguments: [
      order.rawValue, json,
    ])
  }

  /// The actions of a change order; empty for other orders.
  public func changeActions(of order: OrderID) throws -> [ChangeAction] {
    guard
      let json = try String.fetchOne(
        try db.cachedStatement(sql: "SELECT actions FROM orderChangeActions WHERE orderID = ?"),
        arguments: [order.rawValue])
    else { return [] }
    return try JSONDecoder().decode([ChangeAction].self, from: Data(json.utf8))
  }
}
