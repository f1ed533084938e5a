import Foundation

extension ChangePlanner {
  /// A change that is not a cancellation: a `CH` order with a signed, prorated amount, or
  /// no order when only auto-renew changes (H3).
  ///
  /// Same billing cycle: a credit for the old configuration and a charge for the new one
  /// over the remaining days of the current period. New billing cycle: a credit for the
  /// rest of the current period and a charge for a whole new period starting now (the term
  /// restarts too if the new period would end after it). Postpaid: zero now.
  func change(_ subscription: Subscription, from product: Product, to target: TargetConfiguration, now: Date)
    throws(DomainError) -> ChangePlan
  {
    var after = subscription
    after.sku = target.product.sku
    after.productName = target.product.name
    after.quantity = target.quantity
    after.billingCycle = target.billingCycle
    after.autoRenew = target.autoRenew
    if target.term != subscription.term {
      after.term = target.term
      after.termEnd = UTCCalendar.adding(target.term, to: now)
    }
    let details = Self.details(subscription, after)
    let onlySettings =
      after.sku == subscription.sku && after.quantity == subscription.quantity
      && after.billingCycle == subscription.billingCycle && after.term == subscription.term
    guard !onlySettings else {
      return ChangePlan(
        orderType: nil, lines: [], invoiceLines: [], total: .zero(currency), before: subscription, after: after,
        details: details)
    }
    let proration = Proration(subscription: subscription, now: now)
    var lines: [PricedLine] = []
    let priceChanges = after.sku != subscription.sku || after.quantity != subscription.quantity
    if after.billingCycle != subscription.billingCycle {
      after.startDate = now
      after.currentPeriodEnd = UTCCalendar.adding(after.billingCycle, to: now)
      if after.currentPeriodEnd > after.termEnd { after.termEnd = UTCCalendar.adding(after.term, to: now) }
      lines.append(try credit(subscription, product: product, proration: proration))
      lines.append(try fullPeriod(after, product: target.product, start: now))
    } else if priceChanges {
      lines.append(try credit(subscription, product: product, proration: proration))
      lines.append(try charge(after, product: target.product, proration: proration))
    } else {
      lines.append(noCharge(after, product: target.product, reason: "term \(after.term.rawValue) from today"))
    }
    return try ChangePlan(
      orderType: .change, lines: lines.map(\.order), invoiceLines: lines.map(\.invoice),
      total: Money.sum(lines.map(\.order.amount), currency: currency), before: subscription, after: after,
      details: details)
  }

  /// The old configuration's unused part of the period, credited (negative).
  func credit(_ old: Subscription, product: Product, proration: Proration) throws(DomainError) -> PricedLine {
    let amount =
      prepaid(product)
      ? try proration.amount(unitPrice: product.unitPrice, quantity: old.quantity).negated() : .zero(currency)
    return PricedLine(
      old, product: product, amount: amount, period: (proration.remainingStart, proration.periodEnd),
      description: "Credit: \(product.name) × \(old.quantity), unused \(proration.description)")
  }

  /// The new configuration for the rest of the period, charged.
  func charge(_ new: Subscription, product: Product, proration: Proration) throws(DomainError) -> PricedLine {
    let amount =
      prepaid(product) ? try proration.amount(unitPrice: product.unitPrice, quantity: new.quantity) : .zero(currency)
    return PricedLine(
      new, product: product, amount: amount, period: (proration.remainingStart, proration.periodEnd),
      description: "\(product.name) × \(new.quantity), \(proration.description)")
  }

  /// A whole new billing period from `start`.
  func fullPeriod(_ new: Subscription, product: Product, start: Date) throws(DomainError) -> PricedLine {
    let amount = prepaid(product) ? try product.unitPrice.multiplied(by: new.quantity) : .zero(currency)
    let days = "\(UTCCalendar.civilDate(of: start)) to \(UTCCalendar.civilDate(of: new.currentPeriodEnd))"
    return PricedLine(
      new, product: product, amount: amount, period: (start, new.currentPeriodEnd),
      description: "\(product.name) × \(new.quantity), \(new.billingCycle.rawValue) period \(days)")
  }

  func noCharge(_ new: Subscription, product: Product, reason: String) -> PricedLine {
    PricedLine(
      new, product: product, amount: .zero(currency), period: nil,
      description: "\(product.name) × \(new.quantity): \(reason), no charge")
  }

  func prepaid(_ product: Product) -> Bool { product.pricing == .prepaidRecurring }

  static func details(_ before: Subscription, _ after: Subscription) -> [ChangeDetail] {
    var details: [ChangeDetail] = []
    if before.sku != after.sku { details.append(ChangeDetail(field: "sku", old: before.sku, new: after.sku)) }
    if before.quantity != after.quantity {
      details.append(ChangeDetail(field: "quantity", old: "\(before.quantity)", new: "\(after.quantity)"))
    }
    if before.term != after.term {
      details.append(ChangeDetail(field: "term", old: before.term.rawValue, new: after.term.rawValue))
    }
    if before.billingCycle != after.billingCycle {
      details.append(
        ChangeDetail(field: "billing cycle", old: before.billingCycle.rawValue, new: after.billingCycle.rawValue))
    }
    if before.autoRenew != after.autoRenew {
      details.append(
        ChangeDetail(field: "auto-renew", old: before.autoRenew ? "on" : "off", new: after.autoRenew ? "on" : "off"))
    }
    if before.status != after.status {
      details.append(ChangeDetail(field: "status", old: before.status.rawValue, new: after.status.rawValue))
    }
    return details
  }
}

/// One priced line, as an order line and as an invoice line.
struct PricedLine {
  var order: OrderLine
  var invoice: InvoiceLine

  init(
    _ subscription: Subscription, product: Product, amount: Money, period: (start: Date, end: Date)?,
    description: String
  ) {
    order = OrderLine(
      sku: product.sku, quantity: subscription.quantity, unitPrice: product.unitPrice,
      billingCycle: subscription.billingCycle, term: subscription.term, amount: amount, periodStart: period?.start,
      periodEnd: period?.end)
    invoice = InvoiceLine(
      sku: product.sku, description: description, quantity: subscription.quantity, unitPrice: product.unitPrice,
      amount: amount, periodStart: period?.start, periodEnd: period?.end)
  }
}
