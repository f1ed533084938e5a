import Foundation
import GRDB
import OrderDomain

/// A row of `orders`; its lines are ``OrderLineRecord``s (O5: immutable except `status`).
struct OrderRecord: FetchableRecord, PersistableRecord, StoredRecord {
  static let databaseTableName = "orders"
  static let primaryKey = ["id"]

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
  /// Read and written column by column rather than through `Codable`: these rows are read
  /// and written on every order placed, where GRDB's `Codable` path cost half again as much
  /// CPU (issue 11, see docs/decisions.md).
  init(row: Row) throws {
    id = try row.decode("id")
    number = try row.decode("number")
    type = try row.decode("type")
    status = try row.decode("status")
    accountID = try row.decode("accountID")
    createdAt = try row.decode("createdAt")
    createdBy = try row.decode("createdBy")
    totalMinor = try row.decode("totalMinor")
    currency = try row.decode("currency")
    scheduledFor = try row.decodeIfPresent("scheduledFor")
    subscriptionID = try row.decodeIfPresent("subscriptionID")
  }

  func encode(to container: inout PersistenceContainer) {
    container["id"] = id.rawValue
    container["number"] = number.rawValue
    container["type"] = type.rawValue
    container["status"] = status.rawValue
    container["accountID"] = accountID.rawValue
    container["createdAt"] = createdAt
    container["createdBy"] = createdBy
    container["totalMinor"] = totalMinor
    container["currency"] = currency
    container["scheduledFor"] = scheduledFor
    container["subscriptionID"] = subscriptionID?.rawValue
  }
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
