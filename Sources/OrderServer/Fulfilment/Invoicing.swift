import Foundation
import OrderDomain
import OrderStorage

/// Writes the invoice of a completed order (N1 notifies it). Orders without an amount
/// (free trials, resource orders) get none.
struct Invoicing {
  let tx: OrganizationTransaction
  let now: Date

  @discardableResult
  func invoice(_ order: Order, lines: [InvoiceLine]? = nil) throws -> Invoice? {
    guard !order.lines.isEmpty || lines != nil, !order.total.isZero else { return nil }
    let names = try self.tx.catalog().mapValues(\.name)
    var new = try NewInvoice.forOrder(order, productNames: names, issuedAt: self.now)
    if let lines {
      new = try NewInvoice(
        accountID: order.accountID, orderID: order.id, issuedAt: self.now, lines: lines, currency: order.total.currency)
    }
    return try self.tx.createInvoice(new)
  }
}
