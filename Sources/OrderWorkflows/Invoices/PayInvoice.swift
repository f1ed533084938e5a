import Foundation
import OrderDomain
import OrderStorage

/// Pays an open invoice: a `PO` order, completed at once, and the invoice marked paid.
public struct PayInvoice: Sendable {
  public var id: InvoiceID
  public var now: Date

  public init(id: InvoiceID, now: Date) {
    self.id = id
    self.now = now
  }

  /// The paid invoice and its payment order.
  public func run(_ scoped: ScopedTransaction) throws -> (invoice: NumberedInvoice, payment: OrderWithHistory) {
    try scoped.principal.requireAdmin("record payments")
    let tx = scoped.tx
    let invoice = try scoped.requireInvoice(self.id).invoice
    guard invoice.status == .open else {
      throw DomainError.failedPrecondition("invoice \(self.id) is \(invoice.status) already")
    }
    let order = try tx.notifying.createOrder(
      NewOrder(
        type: .payment, status: .executing, accountID: invoice.accountID, createdBy: scoped.principal.agent,
        lines: [OrderLine(sku: self.id.rawValue, quantity: 1, unitPrice: invoice.total, amount: invoice.total)],
        total: invoice.total, reason: "payment of invoice \(self.id)"),
      now: self.now)
    let paid = try tx.moveOrder(
      order.id, to: .completed, reason: "invoice \(self.id) paid", by: .system, now: self.now)
    try tx.setInvoiceStatus(self.id, .paid)
    return (try scoped.requireInvoice(self.id), try OrderWithHistory(paid, tx: tx))
  }
}
