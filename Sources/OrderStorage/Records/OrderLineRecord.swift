import Foundation
import GRDB
import OrderDomain

/// A row of `orderLines`: one line of an order, in its position (immutable, O5).
struct OrderLineRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "orderLines"

  var orderID: OrderID
  var position: Int
  var sku: String
  var quantity: Int
  var unitPriceMinor: Int64
  var amountMinor: Int64
  var currency: String
  var billingCycle: BillingCycle?
  var term: Term?
  var periodStart: Date?
  var periodEnd: Date?
}

extension OrderLineRecord {
  init(_ line: OrderLine, position: Int, of order: OrderID) {
    self.init(
      orderID: order, position: position, sku: line.sku, quantity: line.quantity,
      unitPriceMinor: line.unitPrice.minorUnits, amountMinor: line.amount.minorUnits, currency: line.amount.currency,
      billingCycle: line.billingCycle, term: line.term, periodStart: line.periodStart, periodEnd: line.periodEnd)
  }

  var line: OrderLine {
    OrderLine(
      sku: sku, quantity: quantity, unitPrice: Money(minorUnits: unitPriceMinor, currency: currency),
      billingCycle: billingCycle, term: term, amount: Money(minorUnits: amountMinor, currency: currency),
      periodStart: periodStart, periodEnd: periodEnd)
  }

  /// The lines of one order, in their positions.
  static func lines(of id: OrderID, _ db: Database) throws -> [OrderLineRecord] {
    try OrderLineRecord.fetchAll(
      try db.cachedStatement(sql: "SELECT * FROM orderLines WHERE orderID = ? ORDER BY position"),
      arguments: [id.rawValue])
  }

  /// The lines of the orders `ids`, by order, each in its positions: one query for all of them
  /// (``IDList``), never one per order.
  static func lines(of ids: [OrderID], _ db: Database) throws -> [OrderID: [OrderLineRecord]] {
    guard !ids.isEmpty else { return [:] }
    let records = try OrderLineRecord.fetchAll(
      try db.cachedStatement(
        sql: "SELECT * FROM orderLines WHERE orderID IN (SELECT value FROM json_each(?)) ORDER BY orderID, position"),
      arguments: [try IDList.argument(ids)])
    return Dictionary(grouping: records, by: \.orderID)
  }
}
