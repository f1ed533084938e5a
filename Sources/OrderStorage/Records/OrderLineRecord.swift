import Foundation
import GRDB
import OrderDomain

/// A row of `orderLines`: one line of an order, in its position (immutable, O5).
struct OrderLineRecord: FetchableRecord, PersistableRecord, StoredRecord {
  static let databaseTableName = "orderLines"
  static let primaryKey = ["orderID", "position"]

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
  /// Read and written column by column rather than through `Codable`: these rows are read
  /// and written on every order placed, where GRDB's `Codable` path cost half again as much
  /// CPU (issue 11, see docs/decisions.md).
  init(row: Row) throws {
    orderID = try row.decode("orderID")
    position = try row.decode("position")
    sku = try row.decode("sku")
    quantity = try row.decode("quantity")
    unitPriceMinor = try row.decode("unitPriceMinor")
    amountMinor = try row.decode("amountMinor")
    currency = try row.decode("currency")
    billingCycle = try row.decodeIfPresent("billingCycle")
    term = try row.decodeIfPresent("term")
    periodStart = try row.decodeIfPresent("periodStart")
    periodEnd = try row.decodeIfPresent("periodEnd")
  }

  func encode(to container: inout PersistenceContainer) {
    container["orderID"] = orderID.rawValue
    container["position"] = position
    container["sku"] = sku
    container["quantity"] = quantity
    container["unitPriceMinor"] = unitPriceMinor
    container["amountMinor"] = amountMinor
    container["currency"] = currency
    container["billingCycle"] = billingCycle?.rawValue
    container["term"] = term?.rawValue
    container["periodStart"] = periodStart
    container["periodEnd"] = periodEnd
  }
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
  static func lines(of id: OrderID, _ sql: SQL) throws -> [OrderLineRecord] {
    try sql.fetchAll(
      OrderLineRecord.self, "SELECT * FROM orderLines WHERE orderID = ? ORDER BY position", [id.rawValue])
  }

  /// The lines of the orders `ids`, by order, each in its positions: one query for all of them
  /// (``IDList``), never one per order.
  static func lines(of ids: [OrderID], _ sql: SQL) throws -> [OrderID: [OrderLineRecord]] {
    guard !ids.isEmpty else { return [:] }
    let records = try sql.fetchAll(
      OrderLineRecord.self,
      "SELECT * FROM orderLines WHERE orderID IN (SELECT value FROM json_each(?)) ORDER BY orderID, position",
      [try IDList.argument(ids)])
    return Dictionary(grouping: records, by: \.orderID)
  }
}
