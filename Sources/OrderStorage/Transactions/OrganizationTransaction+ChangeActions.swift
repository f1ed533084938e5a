import Foundation
import GRDB
import OrderDomain

extension OrganizationTransaction {
  /// Stores what a change order asks for, once, with the order (O5).
  public func recordChangeActions(_ actions: [ChangeAction], of order: OrderID) throws {
    try OrderChangeActionsRecord(orderID: order, actions: actions).insert(db)
  }

  /// The actions of a change order; empty for other orders.
  public func changeActions(of order: OrderID) throws -> [ChangeAction] {
    try OrderChangeActionsRecord.fetchOne(
      try db.cachedStatement(sql: "SELECT * FROM orderChangeActions WHERE orderID = ?"), arguments: [order.rawValue]
    )?.decodedActions() ?? []
  }
}
