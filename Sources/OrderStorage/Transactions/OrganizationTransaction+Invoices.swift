import Foundation
import GRDB
import OrderDomain

extension OrganizationTransaction {
  /// Creates an invoice with the next id `INV-nnnnnn` and appends `InvoiceIssued` (N1).
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
    try db.cachedStatement(
      sql: """
        INSERT INTO invoices (id, accountID, orderID, issuedAt, totalMinor, currency, status)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      invoice.id.rawValue, invoice.accountID.rawValue, invoice.orderID.rawValue, invoice.issuedAt,
      invoice.total.minorUnits, invoice.currency, invoice.status.rawValue,
    ])
    for (position, line) in invoice.lines.enumerated() {
      try db.cachedStatement(
        sql: """
          INSERT INTO invoiceLines (invoiceID, position, sku, description, quantity, unitPriceMinor, amountMinor,
            currency, periodStart, periodEnd)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """
      ).execute(arguments: [
        invoice.id.rawValue, position, line.sku, line.description, line.quantity, line.unitPrice.minorUnits,
        line.amount.minorUnits, line.amount.currency, line.periodStart, line.periodEnd,
      ])
    }
    try appendNotification(
      NewNotification(
        type: .invoiceIssued, time: invoice.issuedAt, subject: .invoice(invoice.id), accountID: invoice.accountID,
        text: "invoice \(invoice.id) of \(invoice.total) issued for order \(order.number)"))
    return invoice
  }

  /// The invoice with its lines, or `nil`.
  public func invoice(_ id: InvoiceID) throws -> Invoice? {
    try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM invoices WHERE id = ?"), arguments: [id.rawValue]).map(
      invoice(row:))
  }

  /// The invoice, or `notFound`.
  public func requireInvoice(_ id: InvoiceID) throws -> Invoice {
    guard let invoice = try invoice(id) else { throw DomainError.notFound("invoice \(id) not found") }
    return invoice
  }

  /// Invoices of one account, or of all when `accountID` is `nil`, newest first.
  public func invoices(accountID: AccountID? = nil, limit: Int = 1000) throws -> [Invoice] {
    try Row.fetchAll(
      try db.cachedStatement(
        sql: "SELECT * FROM invoices WHERE (?1 IS NULL OR accountID = ?1) ORDER BY issuedAt DESC, id DESC LIMIT ?2"),
      arguments: [accountID?.rawValue, max(0, limit)]
    ).map(invoice(row:))
  }

  /// The invoices of an order, oldest first.
  public func invoices(orderID: OrderID) throws -> [Invoice] {
    try Row.fetchAll(
      try db.cachedStatement(sql: "SELECT * FROM invoices WHERE orderID = ? ORDER BY id"), arguments: [orderID.rawValue]
    )
    .map(invoice(row:))
  }

  /// Marks an invoice paid (or open again).
  public func setInvoiceStatus(_ id: InvoiceID, _ status: InvoiceStatus) throws {
    try db.cachedStatement(sql: "UPDATE invoices SET status = ? WHERE id = ?").execute(arguments: [
      status.rawValue, id.rawValue,
    ])
    guard db.changesCount == 1 else { throw DomainError.notFound("invoice \(id) not found") }
  }

  private func invoice(row: Row) throws -> Invoice {
    let id = InvoiceID(try row.decode("id") as String)
    let lines = try Row.fetchAll(
      try db.cachedStatement(sql: "SELECT * FROM invoiceLines WHERE invoiceID = ? ORDER BY position"),
      arguments: [id.rawValue]
    ).map(InvoiceLine.init(row:))
    return Invoice(
      id: id, accountID: AccountID(try row.decode("accountID") as String),
      orderID: OrderID(try row.decode("orderID") as String), issuedAt: try row.decode("issuedAt"), lines: lines,
      total: try row.money("totalMinor"), status: try row.decode("status"))
  }
}

extension InvoiceLine {
  init(row: Row) throws {
    self.init(
      sku: try row.decode("sku"), description: try row.decode("description"), quantity: try row.decode("quantity"),
      unitPrice: try row.money("unitPriceMinor"), amount: try row.money("amountMinor"),
      periodStart: try row.decodeIfPresent("periodStart", as: Date.self),
      periodEnd: try row.decodeIfPresent("periodEnd", as: Date.self))
  }
}
