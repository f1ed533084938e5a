import Foundation
import OrderDomain
import OrderStorage

/// Writes the invoice of a completed order and notifies it (N1). Orders without an amount
/// (free trials, resource orders) get none.
struct Invoicing {
  let tx: OrganizationTransaction
  let now: Date

  @discardableResult
  func invoice(_ order: Order) throws -> Invoice? {
    guard !order.lines.isEmpty, !order.total.isZero else { return nil }
    let products = try self.tx.products(skus: order.lines.map(\.sku))
    let names = Dictionary(products.map { ($0.sku, $0.name) }, uniquingKeysWith: { first, _ in first })
    return try self.tx.notifying.createInvoice(
      try NewInvoice.forOrder(order, productNames: names, issuedAt: self.now), of: order)
  }
}
