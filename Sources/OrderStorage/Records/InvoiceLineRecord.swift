import Foundation
import GRDB
import OrderDomain

/// A row of `invoiceLines`: one line of an invoice, in its position (immutable).
struct InvoiceLineRecord: Codable, FetchableRecord, PersistableRecord, StoredRecord {
  static let databaseTableName = "invoiceLines"
  static let primaryKey = ["invoiceID", "position"]

  var invoiceID: InvoiceID
  var position: Int
  var sku: String
  var description: String
  var quantity: Int
  var unitPriceMinor: Int64
  var amountMinor: Int64
  var currency: String
  var periodStart: Date?
  var periodEnd: Date?
}

extension InvoiceLineRecord {
  init(_ line: InvoiceLine, position: Int, of invoice: InvoiceID) {
    self.init(
      invoiceID: invoice, position: position, sku: line.sku, description: line.description, quantity: line.quantity,
      unitPriceMinor: line.unitPrice.minorUnits, amountMinor: line.amount.minorUnits, currency: line.amount.currency,
      periodStart: line.periodStart, periodEnd: line.periodEnd)
  }

  var line: InvoiceLine {
    InvoiceLine(
      sku: sku, description: description, quantity: quantity,
      unitPrice: Money(minorUnits: unitPriceMinor, currency: currency),
      amount: Money(minorUnits: amountMinor, currency: currency), periodStart: periodStart, periodEnd: periodEnd)
  }

  /// The lines of the invoices `ids`, by invoice, each in its positions: one query for all of
  /// them (``IDList``), never one per invoice.
  static func lines(of ids: [InvoiceID], _ sql: SQL) throws -> [InvoiceID: [InvoiceLineRecord]] {
    guard !ids.isEmpty else { return [:] }
    let records = try sql.fetchAll(
      InvoiceLineRecord.self,
      "SELECT * FROM invoiceLines WHERE invoiceID IN (SELECT value FROM json_each(?)) ORDER BY invoiceID, position",
      [try IDList.argument(ids)])
    return Dictionary(grouping: records, by: \.invoiceID)
  }
}
