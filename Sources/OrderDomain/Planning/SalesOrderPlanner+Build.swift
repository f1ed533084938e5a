import Foundation

extension SalesOrderPlanner {
  /// Turns checked items into lines and the records to create.
  ///
  /// Prepaid recurring items charge their first billing period; postpaid ones charge
  /// nothing now (they are billed at the end of the period); one-time items charge once.
  func build(
    items: [RequestedItem], resolved: [Int: ResolvedItem], bases: [Int: BaseSubscription], now: Date
  ) throws(DomainError) -> SalesOrderPlan {
    var plan = SalesOrderPlan(lines: [], subscriptions: [], assets: [], deliveries: [], total: .zero(currency))
    for index in items.indices {
      guard let item = resolved[index] else { continue }
      let product = item.product
      let price = product.unitPrice
      if let cycle = item.billingCycle, let term = item.term {
        let periodEnd = UTCCalendar.adding(cycle, to: now)
        let amount = product.pricing == .prepaidRecurring ? try price.multiplied(by: item.quantity) : .zero(currency)
        plan.lines.append(
          OrderLine(
            sku: product.sku, quantity: item.quantity, unitPrice: price, billingCycle: cycle, term: term,
            amount: amount, periodStart: now, periodEnd: periodEnd))
        plan.subscriptions.append(
          PlannedSubscription(
            itemIndex: index, sku: product.sku, productName: product.name, quantity: item.quantity,
            billingCycle: cycle, term: term, autoRenew: product.kind != .trial,
            provisioningStatus: product.autoProvisioned ? .synced : .pending, startDate: now,
            currentPeriodEnd: periodEnd, termEnd: UTCCalendar.adding(term, to: now), base: bases[index]))
      } else {
        let amount = try price.multiplied(by: item.quantity)
        plan.lines.append(OrderLine(sku: product.sku, quantity: item.quantity, unitPrice: price, amount: amount))
        if product.kind == .asset {
          let asset = PlannedAsset(itemIndex: index, sku: product.sku, name: product.name, purchaseDate: now)
          plan.assets += Array(repeating: asset, count: item.quantity)
        } else {
          plan.deliveries.append(PlannedDelivery(itemIndex: index, sku: product.sku, quantity: item.quantity))
        }
      }
    }
    plan.total = try Money.sum(plan.lines.map(\.amount), currency: currency)
    return plan
  }
}
