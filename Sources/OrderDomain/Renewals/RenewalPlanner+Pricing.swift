import Foundation

extension RenewalPlanner {
  /// What the end of a period charges: the period just ended for a postpaid product (at the
  /// old configuration), the next period for a prepaid one (at the new configuration).
  ///
  /// - Parameter after: the subscription in its next period; `nil` when it expires.
  func charges(before: Subscription, oldProduct: Product, after: Subscription?, newProduct: Product)
    throws(DomainError) -> [PricedLine]
  {
    var lines: [PricedLine] = []
    if oldProduct.pricing == .postpaidRecurring {
      let start = UTCCalendar.start(
        ofMonths: before.billingCycle.months, endingAt: before.currentPeriodEnd, anchor: before.startDate)
      lines.append(try period(before, product: oldProduct, start: start, end: before.currentPeriodEnd, label: "usage"))
    }
    if let after, newProduct.pricing == .prepaidRecurring {
      lines.append(
        try period(after, product: newProduct, start: before.currentPeriodEnd, end: after.currentPeriodEnd, label: ""))
    }
    return lines
  }

  private func period(_ subscription: Subscription, product: Product, start: Date, end: Date, label: String)
    throws(DomainError) -> PricedLine
  {
    let amount = try product.unitPrice.multiplied(by: subscription.quantity)
    let kind = label.isEmpty ? subscription.billingCycle.rawValue : "\(subscription.billingCycle.rawValue) \(label)"
    return PricedLine(
      subscription, product: product, amount: amount, period: (start, end),
      description: "\(product.name) × \(subscription.quantity), \(kind) period \(Self.span(start, end))")
  }
}
