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

extension Agent {
  /// The agent stored as `text`; an internal error when it names none.
  static func stored(_ text: String, column: String) throws -> Agent {
    guard let agent = Agent(rawValue: text) else {
      throw DomainError.internalError("unexpected value '\(text)' in column \(column)")
    }
    return agent
  }
}
