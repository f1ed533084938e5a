import Foundation
import OrderDomain

extension OrganizationTransaction {
  /// Stores what a change order asks for, once, with the order (O5).
  public func recordChangeActions(_ actions: [ChangeAction], of order: OrderID) throws {
    try sql.insert(OrderChangeActionsRecord(orderID: order, actions: actions))
  }

  /// The actions of a change order; empty for other orders.
  public func changeActions(of order: OrderID) throws -> [ChangeAction] {
    try sql.fetchOne(
      OrderChangeActionsRecord.self, "SELECT * FROM orderChangeActions WHERE orderID = ?", [order.rawValue])?
      .decodedActions() ?? []
  }
}
