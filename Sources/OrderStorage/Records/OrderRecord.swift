import Foundation
import GRDB
import OrderDomain

/// A row of `orders`; its lines are ``OrderLineRecord``s (O5: immutable except `status`).
struct OrderRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "orders"

  var id: OrderID
  var number: OrderNumber
  var type: OrderType
  var status: OrderStatus
  var accountID: AccountID
  var createdAt: Date
  var createdBy: String
  var totalMinor: Int64
  var currency: String
  var scheduledFor: Date?
  var subscriptionID: SubscriptionID?
}

extension OrderRecord {
  init(_ order: Order) {
    self.init(
      id: order.id, number: order.number, type: order.type, status: order.status, accountID: order.accountID,
      createdAt: order.createdAt, createdBy: order.createdBy.rawValue, totalMinor: order.total.minorUnits,
      currency: order.total.currency, scheduledFor: order.scheduledFor, subscriptionID: order.subscriptionID)
  }

  /// The order, with its lines in their positions.
  func order(lines: [OrderLineRecord]) throws -> Order {
    Order(
      id: id, number: number, type: type, status: status, accountID: accountID, createdAt: createdAt,
      createdBy: try Agent.stored(createdBy, column: "orders.createdBy"), lines: lines.map(\.line),
      total: Money(minorUnits: totalMinor, currency: currency), scheduledFor: scheduledFor,
      subscriptionID: subscriptionID)
  }
}
