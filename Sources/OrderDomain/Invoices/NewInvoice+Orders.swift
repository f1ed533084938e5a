import Foundation

extension NewInvoice {
  /// The invoice of an order whose lines are described by their product names (sales and
  /// renewal orders). Change and cancellation plans carry their own described lines.
  ///
  /// - Parameter productNames: names by SKU; a SKU without a name is described by itself.
  public static func forOrder(_ order: Order, productNames: [String: String], issuedAt: Date) throws(DomainError)
    -> NewInvoice
  {
    let lines = order.lines.map { line in
      var description = productNames[line.sku] ?? line.sku
      if let start = line.periodStart, let end = line.periodEnd {
        description += ", \(UTCCalendar.civilDate(of: start)) to \(UTCCalendar.civilDate(of: end))"
      }
      return InvoiceLine(
        sku: line.sku, description: description, quantity: line.quantity, unitPrice: line.unitPrice,
        amount: line.amount, periodStart: line.periodStart, periodEnd: line.periodEnd)
    }
    return try NewInvoice(
      accountID: order.accountID, orderID: order.id, issuedAt: issuedAt, lines: lines, currency: order.total.currency)
  }
}
