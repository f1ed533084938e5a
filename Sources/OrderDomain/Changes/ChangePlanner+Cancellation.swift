import Foundation

extension ChangePlanner {
  /// An immediate cancellation of a subscription and its active add-ons (C1, O1).
  ///
  /// The unused prepaid part of the current period is refunded (negative lines). If the
  /// commitment term ends after the current period, an early-termination fee is owed: the
  /// price of every remaining billing period of the term (positive lines). A positive net
  /// amount is a `CF` order (the customer owes), otherwise `CL` (the provider owes).
  func cancellation(_ subscription: Subscription, product: Product, addons: [Subscription], now: Date)
    throws(DomainError) -> ChangePlan
  {
    var lines: [PricedLine] = []
    var cancelledAddons: [Subscription] = []
    for addon in addons where addon.status == .active && addon.parentSubscriptionID == subscription.id {
      lines += try cancellationLines(addon, product: try self.product(addon.sku), now: now)
      cancelledAddons.append(Self.cancelled(addon))
    }
    lines = try cancellationLines(subscription, product: product, now: now) + lines
    let after = Self.cancelled(subscription)
    let total = try Money.sum(lines.map(\.order.amount), currency: currency)
    return ChangePlan(
      orderType: total.minorUnits > 0 ? .cancellationCharge : .cancellation, lines: lines.map(\.order),
      invoiceLines: lines.map(\.invoice), total: total, before: subscription, after: after,
      cancelledAddons: cancelledAddons, details: Self.details(subscription, after))
  }

  /// The refund line, and the fee line when a commitment remains.
  func cancellationLines(_ subscription: Subscription, product: Product, now: Date) throws(DomainError)
    -> [PricedLine]
  {
    let proration = Proration(subscription: subscription, now: now)
    let refund = try credit(subscription, product: product, proration: proration)
    var lines = [
      PricedLine(
        subscription, product: product, amount: refund.order.amount,
        period: (proration.remainingStart, proration.periodEnd),
        description: "Refund: \(product.name) × \(subscription.quantity), unused \(proration.description)")
    ]
    let periods = Self.remainingCommittedPeriods(subscription)
    if periods > 0 && !product.unitPrice.isZero {
      let fee = try product.unitPrice.multiplied(by: subscription.quantity).multiplied(by: periods)
      lines.append(
        PricedLine(
          subscription, product: product, amount: fee, period: (subscription.currentPeriodEnd, subscription.termEnd),
          description: "Early-termination fee: \(periods) remaining \(subscription.billingCycle.rawValue) "
            + "period\(periods == 1 ? "" : "s") of the \(subscription.term.rawValue) term, "
            + "\(product.name) × \(subscription.quantity)"))
    }
    return lines
  }

  /// Whole billing periods between the end of the current period and the end of the term
  /// (a partial last period counts as one).
  static func remainingCommittedPeriods(_ subscription: Subscription) -> Int {
    let from = UTCCalendar.civilDate(of: subscription.currentPeriodEnd)
    let to = UTCCalendar.civilDate(of: subscription.termEnd)
    guard to > from else { return 0 }
    var months = (to.year - from.year) * 12 + (to.month - from.month)
    if from.adding(months: months) < to { months += 1 }
    let cycle = subscription.billingCycle.months
    return (months + cycle - 1) / cycle
  }

  static func cancelled(_ subscription: Subscription) -> Subscription {
    var after = subscription
    after.status = .cancelled
    after.autoRenew = false
    return after
  }
}
