import OrderDomain
import OrderStorage

extension ScopedTransaction {
  /// The invoices of `accountID`, or all the caller sees, each with its order's number.
  public func invoices(accountID: AccountID?) throws -> [NumberedInvoice] {
    guard let accountID = self.listed(accountID) else { return [] }
    return try self.tx.invoices(accountID: accountID).map { try NumberedInvoice($0, tx: self.tx) }
  }

  /// The invoice with its order's number, if the caller may see it.
  public func invoice(_ id: InvoiceID) throws -> NumberedInvoice? {
    guard let invoice = try self.tx.invoice(id), self.isVisible(invoice.accountID) else { return nil }
    return try NumberedInvoice(invoice, tx: self.tx)
  }

  /// The invoice, or `notFound`.
  public func requireInvoice(_ id: InvoiceID) throws -> NumberedInvoice {
    guard let invoice = try self.invoice(id) else { throw DomainError.notFound("invoice \(id) not found") }
    return invoice
  }
}

/// An invoice with the number of the order it bills.
public struct NumberedInvoice: Sendable {
  public var invoice: Invoice
  public var orderNumber: OrderNumber?

  init(_ invoice: Invoice, tx: OrganizationTransaction) throws {
    self.invoice = invoice
    self.orderNumber = try tx.order(invoice.orderID)?.number
  }
}
