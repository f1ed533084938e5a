import Foundation
import GRDB
import OrderDomain

/// A row of `invoices`; its lines are ``InvoiceLineRecord``s (immutable except `status`).
struct InvoiceRecord: Codable, FetchableRecord, PersistableRecord, StoredRecord {
  static let databaseTableName = "invoices"
  static let primaryKey = ["id"]

  var id: InvoiceID
  var accountID: AccountID
  var orderID: OrderID
  var issuedAt: Date
  var totalMinor: Int64
  var currency: String
  var status: InvoiceStatus
}

extension InvoiceRecord {
  init(_ invoice: Invoice) {
    self.init(
      id: invoice.id, accountID: invoice.accountID, orderID: invoice.orderID, issuedAt: invoice.issuedAt,
      totalMinor: invoice.total.minorUnits, currency: invoice.total.currency, status: invoice.status)
  }

  func invoice(lines: [InvoiceLineRecord]) -> Invoice {
    Invoice(
      id: id, accountID: accountID, orderID: orderID, issuedAt: issuedAt, lines: lines.map(\.line),
      total: Money(minorUnits: totalMinor, currency: currency), status: status)
  }
}
