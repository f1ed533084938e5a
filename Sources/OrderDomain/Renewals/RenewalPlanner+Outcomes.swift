import Foundation

extension RenewalPlanner {
  /// The term ended and the subscription renews (`RN`), with `pending` applied when it is
  /// still valid (C1); otherwise unchanged, reporting why.
  func renewal(_ subscription: Subscription, product: Product, pending: RenewalChange?) throws(DomainError)
    -> RenewalPlan
  {
    var target = TargetConfiguration(
      product: product, quantity: subscription.quantity, term: subscription.term,
      billingCycle: subscription.billingCycle, autoRenew: subscription.autoRenew)
    var applied: RenewalChange?
    var refusalReason: String?
    if let pending {
      let checked = renewalTarget(subscription, product: product, actions: pending.actions)
      if checked.problems.isEmpty {
        target = checked.target
        applied = pending
      } else {
        refusalReason = checked.problems.joined(separator: "; ")
      }
    }
    let periodStart = subscription.currentPeriodEnd
    var after = subscription
    after.sku = target.product.sku
    after.productName = target.product.name
    after.quantity = target.quantity
    after.term = target.term
    if target.billingCycle != subscription.billingCycle {
      after.billingCycle = target.billingCycle
      after.startDate = periodStart
    }
    after.currentPeriodEnd = UTCCalendar.end(
      ofMonths: after.billingCycle.months, startingAt: periodStart, anchor: after.startDate)
    after.termEnd = UTCCalendar.end(ofMonths: after.term.months, startingAt: periodStart, anchor: after.startDate)
    let lines = try charges(before: subscription, oldProduct: product, after: after, newProduct: target.product)
    let total = try Money.sum(lines.map(\.order.amount), currency: currency)
    let details = ChangePlanner.details(subscription, after)
    var summary =
      "subscription \(subscription.id) renewed for \(Self.span(periodStart, after.termEnd)) (\(total))"
    if let applied { summary += ": \(details.map(\.description).joined(separator: ", ")) (\(applied))" }
    if let pending, let refusalReason { summary += "; \(pending) not applied: \(refusalReason)" }
    return RenewalPlan(
      outcome: .renewal, orderType: .renewal, lines: lines.map(\.order), invoiceLines: lines.map(\.invoice),
      total: total, before: subscription, after: after, applied: applied,
      refused: refusalReason == nil ? nil : pending, refusalReason: refusalReason, details: details,
      summary: summary)
  }

  /// A billing period inside a longer term ended: the next period is billed (`BO`);
  /// pending changes wait for the end of the term.
  func billing(_ subscription: Subscription, product: Product) throws(DomainError) -> RenewalPlan {
    var after = subscription
    after.currentPeriodEnd = UTCCalendar.end(
      ofMonths: subscription.billingCycle.months, startingAt: subscription.currentPeriodEnd,
      anchor: subscription.startDate)
    let lines = try charges(before: subscription, oldProduct: product, after: after, newProduct: product)
    let total = try Money.sum(lines.map(\.order.amount), currency: currency)
    let billed =
      product.pricing == .postpaidRecurring
      ? Self.span(
        UTCCalendar.start(
          ofMonths: subscription.billingCycle.months, endingAt: subscription.currentPeriodEnd,
          anchor: subscription.startDate), subscription.currentPeriodEnd)
      : Self.span(subscription.currentPeriodEnd, after.currentPeriodEnd)
    return RenewalPlan(
      outcome: .billing, orderType: .billing, lines: lines.map(\.order), invoiceLines: lines.map(\.invoice),
      total: total, before: subscription, after: after,
      summary: "subscription \(subscription.id) billed for \(billed) (\(total))")
  }

  /// The term ended without renewal: the subscription expires. A postpaid one is billed
  /// for the period just ended (`BO`); a prepaid one needs no order.
  func expiry(_ subscription: Subscription, product: Product, pending: RenewalChange?, reason: String)
    throws(DomainError) -> RenewalPlan
  {
    var after = subscription
    after.status = .expired
    let lines = try charges(before: subscription, oldProduct: product, after: nil, newProduct: product)
    let total = try Money.sum(lines.map(\.order.amount), currency: currency)
    let ended = UTCCalendar.civilDate(of: subscription.currentPeriodEnd)
    var summary = "subscription \(subscription.id) expired on \(ended): \(reason)"
    if !lines.isEmpty { summary += "; the last period is billed (\(total))" }
    let refusal = pending.map { "\($0) not applied: the subscription expires (\(reason))" }
    return RenewalPlan(
      outcome: .expiry, orderType: lines.isEmpty ? nil : .billing, lines: lines.map(\.order),
      invoiceLines: lines.map(\.invoice), total: total, before: subscription, after: after, refused: pending,
      refusalReason: refusal, details: ChangePlanner.details(subscription, after), summary: summary)
  }

  /// `2026-03-01 to 2027-03-01`.
  static func span(_ start: Date, _ end: Date) -> String {
    "\(UTCCalendar.civilDate(of: start)) to \(UTCCalendar.civilDate(of: end))"
  }
}
