import Foundation
import OrderDomain

extension OrganizationTransaction {
  /// Creates an invoice with the next id `INV-nnnnnn`. It notifies nothing: the workflows
  /// append `InvoiceIssued` (N1).
  ///
  /// - Throws: `notFound` for an unknown account or order; `invalidArgument` when the
  ///   order belongs to another account or the total is not the sum of the lines.
  public func createInvoice(_ new: NewInvoice) throws -> Invoice {
    _ = try requireAccount(new.accountID)
    let order = try requireOrder(new.orderID)
    guard order.accountID == new.accountID else {
      throw DomainError.invalidArgument(
        "order \(order.number) belongs to account \(order.accountID), not \(new.accountID)")
    }
    let sum = try Money.sum(new.lines.map(\.amount), currency: new.total.currency)
    guard sum == new.total else {
      throw DomainError.invalidArgument("invoice total \(new.total) is not the sum of its lines \(sum)")
    }
    let invoice = new.with(id: InvoiceID(number: try nextSequence("invoice")))
    try sql.insert(InvoiceRecord(invoice))
    for (position, line) in invoice.lines.enumerated() {
      try sql.insert(InvoiceLineRecord(line, position: position, of: invoice.id))
    }
    return invoice
  }

  /// The invoice with its lines, or `nil`.
  public func invoice(_ id: InvoiceID) throws -> Invoice? {
    try invoices(
      try sql.fetchAll(InvoiceRecord.self, "SELECT * FROM invoices WHERE id = ?", [id.rawValue])
    ).first
  }

  /// The invoice, or `notFound`.
  public func requireInvoice(_ id: InvoiceID) throws -> Invoice {
    guard let invoice = try invoice(id) else { throw DomainError.notFound("invoice \(id) not found") }
    return invoice
  }

  /// Invoices of one account, or of all when `accountID` is `nil`, newest first.
  public func invoices(accountID: AccountID? = nil, limit: Int = 1000) throws -> [Invoice] {
    try invoices(
      try sql.fetchAll(
        InvoiceRecord.self,
        "SELECT * FROM invoices WHERE (accountID = ?1 OR ?1 IS NULL) ORDER BY issuedAt DESC, id DESC LIMIT ?2",
        [accountID?.rawValue, max(0, limit)]))
  }

  /// The invoices of an order, oldest first.
  public func invoices(orderID: OrderID) throws -> [Invoice] {
    try invoices(
      try sql.fetchAll(InvoiceRecord.self, "SELECT * FROM invoices WHERE orderID = ? ORDER BY id", [orderID.rawValue]))
  }

  /// Marks an invoice paid (or open again).
  public func setInvoiceStatus(_ id: InvoiceID, _ status: InvoiceStatus) throws {
    let changed = try sql.execute("UPDATE invoices SET status = ? WHERE id = ?", [status.rawValue, id.rawValue])
    guard changed == 1 else { throw DomainError.notFound("invoice \(id) not found") }
  }

  /// The invoices of `records` with their lines, read in one query for all of them.
  func invoices(_ records: [InvoiceRecord]) throws -> [Invoice] {
    let lines = try InvoiceLineRecord.lines(of: records.map(\.id), sql)
    return records.map { $0.invoice(lines: lines[$0.id] ?? []) }
  }
}
