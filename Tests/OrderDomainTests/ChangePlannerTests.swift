import Foundation
import OrderDomain
import Testing

@Suite("Immediate changes", .timeLimit(.minutes(5)))
struct ChangePlannerTests {
  @Test("C1, O5: a quantity increase charges the new quantity and credits the old over the remaining days")
  func quantityIncrease() throws {
    let plan = try planner.plan(changeable(quantity: 5), actions: [.quantity(8)], now: now)
    #expect(plan.orderType == .change)
    // 15 of 31 days: 100.00 × 15/31 = 48.387 -> 48.39; 160.00 × 15/31 = 77.419 -> 77.42.
    #expect(plan.lines.map(\.amount) == [usd("-48.39"), usd("77.42")])
    #expect(plan.total == usd("29.03"))
    #expect(plan.after.quantity == 8)
    #expect(plan.details == [ChangeDetail(field: "quantity", old: "5", new: "8")])
    #expect(plan.invoiceLines.map(\.amount) == plan.lines.map(\.amount))
    #expect(
      plan.invoiceLines[0].description == "Credit: Basic plan × 5, unused 2026-01-31 to 2026-02-15, 15 of 31 days")
    #expect(plan.lines[1].periodStart == UTCCalendar.date(year: 2026, month: 1, day: 31))
  }

  @Test("O5: a quantity decrease is a CH order with a negative amount")
  func quantityDecrease() throws {
    let plan = try planner.plan(changeable(quantity: 5), actions: [.quantity(2)], now: now)
    #expect(plan.orderType == .change)
    #expect(plan.total == usd("-29.04"))  // 40.00 × 15/31 = 19.35 minus 48.39
    let order = try #require(plan.newOrder(status: .executing, createdBy: .system, reason: "changed"))
    #expect(order.subscriptionID == "SUB-000001")
    #expect(order.total == usd("-29.04"))
  }

  @Test("C1: an upgrade to an allowed SKU charges the difference; a move to a cheaper one credits")
  func upgrade() throws {
    let up = try planner.plan(changeable(quantity: 1), actions: [.upgrade(sku: "PREMIUM")], now: now)
    // 31.00 × 15/31 = 15.00; 20.00 × 15/31 = 9.677 -> 9.68.
    #expect(up.total == usd("5.32"))
    #expect(up.after.sku == "PREMIUM")
    #expect(up.after.productName == "Premium plan")
    let down = try planner.plan(changeable("PREMIUM", quantity: 1), actions: [.upgrade(sku: "BASIC")], now: now)
    #expect(down.total == usd("-5.32"))
  }

  @Test("C1: an upgrade must follow the product's upgrade paths")
  func upgradePaths() {
    let error = #expect(throws: DomainError.self) {
      try planner.plan(changeable("PREMIUM"), actions: [.upgrade(sku: "O365-E5")], now: now)
    }
    #expect(error?.message.contains("PREMIUM can be upgraded to BASIC only, not to O365-E5") == true)
    #expect(error?.code == .invalidArgument)
  }

  @Test("C1: quantity limits, offered terms and billing cycles are checked, every problem at once")
  func limits() {
    let error = #expect(throws: DomainError.self) {
      try planner.plan(changeable("PREMIUM"), actions: [.quantity(51), .term(.threeYears)], now: now)
    }
    #expect(error?.message.contains("quantity 51 is outside PREMIUM's allowed range 1...50") == true)
    #expect(error?.message.contains("PREMIUM does not offer the term P3Y") == true)
    #expect(throws: DomainError.self) { try planner.plan(changeable(), actions: [.quantity(5)], now: now) }
    #expect(throws: DomainError.self) {
      try planner.plan(changeable(term: .oneMonth), actions: [.billingCycle(.annual)], now: now)
    }
  }

  @Test("C1: cancelled and expired subscriptions cannot change")
  func inactive() {
    for status in [SubscriptionStatus.cancelled, .expired] {
      let error = #expect(throws: DomainError.self) {
        try planner.plan(changeable(status: status), actions: [.quantity(6)], now: now)
      }
      #expect(error?.code == .failedPrecondition)
      #expect(error?.message == "subscription SUB-000001 is \(status); a \(status) subscription cannot change")
    }
  }

  @Test("C1: a cancellation cannot be combined with other actions; an action cannot repeat")
  func combinations() {
    #expect(throws: DomainError.self) { try planner.plan(changeable(), actions: [.cancel, .quantity(6)], now: now) }
    #expect(throws: DomainError.self) {
      try planner.plan(changeable(), actions: [.quantity(6), .quantity(7)], now: now)
    }
    #expect(throws: DomainError.self) { try planner.plan(changeable(), actions: [], now: now) }
  }

  @Test("C1: several actions combine into one CH order")
  func combined() throws {
    let plan = try planner.plan(
      changeable(quantity: 1, term: .oneYear), actions: [.upgrade(sku: "PREMIUM"), .quantity(2), .autoRenew(false)],
      now: now)
    #expect(plan.orderType == .change)
    #expect(plan.after.sku == "PREMIUM" && plan.after.quantity == 2 && !plan.after.autoRenew)
    #expect(plan.total == usd("20.32"))  // 62.00 × 15/31 = 30.00 minus 9.68
  }

  @Test("H3: turning auto-renew off changes a setting and creates no order")
  func autoRenew() throws {
    let plan = try planner.plan(changeable(), actions: [.autoRenew(false)], now: now)
    #expect(plan.orderType == nil)
    #expect(plan.newOrder(status: .executing, createdBy: .system, reason: "") == nil)
    #expect(plan.after.autoRenew == false)
    #expect(plan.summary == "auto-renew on -> off")
    #expect(throws: DomainError.self) { try planner.plan(changeable(), actions: [.autoRenew(true)], now: now) }
  }

  @Test("C2: a microsoft subscription's quantity decreases only on renewal; generic allows it now")
  func vendorDecrease() throws {
    var subscription = changeable("O365-E3", quantity: 5)
    subscription.productName = "Office 365 E3"
    let error = #expect(throws: DomainError.self) { try planner.plan(subscription, actions: [.quantity(3)], now: now) }
    #expect(error?.code == .failedPrecondition)
    #expect(error?.message.contains("schedule it On Renewal") == true)
    _ = try planner.plan(subscription, actions: [.quantity(6)], now: now)
  }

  @Test("C1: a trial cannot change its quantity; upgrading it to paid is a change to an allowed SKU")
  func trials() throws {
    let trialSubscription = changeable("TRIAL", quantity: 3)
    let error = #expect(throws: DomainError.self) {
      try planner.plan(trialSubscription, actions: [.quantity(4)], now: now)
    }
    #expect(error?.message.contains("a trial cannot change its quantity") == true)
    var free = trialSubscription
    free.autoRenew = false
    let plan = try planner.plan(free, actions: [.upgrade(sku: "O365-E3")], now: now)
    #expect(plan.orderType == .change)
    #expect(plan.after.autoRenew)
    #expect(plan.total == usd("29.03"))  // 60.00 × 15/31, nothing to credit
  }

  @Test("F4: an add-on changes its own quantity only while its base is active")
  func addons() throws {
    let base = changeable(id: "SUB-000001")
    let addon = changeable("BASIC-STORAGE", quantity: 2, id: "SUB-000002", parent: base.id)
    let plan = try planner.plan(addon, actions: [.quantity(1)], base: base, now: now)
    #expect(plan.total == usd("-1.50"))  // 3.10 × 15/31
    #expect(throws: DomainError.self) {
      try planner.plan(addon, actions: [.billingCycle(.annual)], base: base, now: now)
    }
    let cancelledBase = changeable(status: .cancelled, id: "SUB-000001")
    let error = #expect(throws: DomainError.self) {
      try planner.plan(addon, actions: [.quantity(3)], base: cancelledBase, now: now)
    }
    #expect(error?.code == .failedPrecondition)
  }

  @Test("C1: a billing cycle change credits the rest of the period and charges a new period from now")
  func billingCycle() throws {
    let plan = try planner.plan(changeable(quantity: 1, term: .oneYear), actions: [.billingCycle(.annual)], now: now)
    #expect(plan.lines.map(\.amount) == [usd("-9.68"), usd("20.00")])
    #expect(plan.after.currentPeriodEnd == UTCCalendar.adding(.annual, to: now))
    #expect(plan.after.termEnd == UTCCalendar.adding(.oneYear, to: now))
  }

  @Test("C1: a longer term starts now at no charge; a shorter one waits for the renewal")
  func terms() throws {
    let plan = try planner.plan(changeable(term: .oneMonth), actions: [.term(.oneYear)], now: now)
    #expect(plan.orderType == .change)
    #expect(plan.total == .zero("USD"))
    #expect(plan.after.termEnd == UTCCalendar.adding(.oneYear, to: now))
    let error = #expect(throws: DomainError.self) {
      try planner.plan(changeable(term: .oneYear), actions: [.term(.oneMonth)], now: now)
    }
    #expect(error?.message.contains("schedule it On Renewal") == true)
  }

  @Test("C1: postpaid changes cost nothing now")
  func postpaid() throws {
    let upgrade = try ChangePlanner(
      catalog: changeCatalog.map { p in
        var p = p
        if p.sku == "BASIC" || p.sku == "PREMIUM" { p.pricing = .postpaidRecurring }
        return p
      }, currency: "USD"
    ).plan(changeable(quantity: 1), actions: [.upgrade(sku: "PREMIUM")], now: now)
    #expect(upgrade.total == .zero("USD"))
    #expect(upgrade.orderType == .change)
  }

  @Test("O1: a cancellation that only refunds is a CL order with a negative amount; add-ons are cancelled too")
  func refund() throws {
    let base = changeable(quantity: 5)
    let addon = changeable("BASIC-STORAGE", quantity: 2, id: "SUB-000002", parent: base.id)
    let plan = try planner.plan(base, actions: [.cancel], addons: [addon], now: now)
    #expect(plan.orderType == .cancellation)
    #expect(plan.lines.map(\.amount) == [usd("-48.39"), usd("-3.00")])
    #expect(plan.after.status == .cancelled)
    #expect(plan.cancelledAddons.map(\.id) == ["SUB-000002"])
    #expect(plan.cancelledAddons.allSatisfy { $0.status == .cancelled })
  }

  @Test("O1: cancelling inside a longer commitment owes an early-termination fee: a CF order")
  func earlyTermination() throws {
    let plan = try planner.plan(changeable(quantity: 5, term: .oneYear), actions: [.cancel], now: now)
    #expect(plan.orderType == .cancellationCharge)
    // Refund 48.39; fee: 11 remaining monthly periods × 5 × 20.00 = 1100.00.
    #expect(plan.lines.map(\.amount) == [usd("-48.39"), usd("1100.00")])
    #expect(plan.total == usd("1051.61"))
    #expect(plan.invoiceLines[1].description.hasPrefix("Early-termination fee: 11 remaining monthly periods"))
  }

  @Test("O1: a resynchronisation is an RC order with zero amount")
  func resync() throws {
    let plan = try planner.resync(changeable(), now: now)
    #expect(plan.orderType == .resource)
    #expect(plan.total == .zero("USD"))
    #expect(plan.lines.count == 1)
  }

  @Test("C1: proration rounds half away from zero, per line")
  func rounding() throws {
    #expect(
      try Proration.prorate(Money(minorUnits: 5, currency: "USD"), 1, of: 2) == Money(minorUnits: 3, currency: "USD"))
    #expect(
      try Proration.prorate(Money(minorUnits: -5, currency: "USD"), 1, of: 2) == Money(minorUnits: -3, currency: "USD"))
    #expect(
      try Proration.prorate(Money(minorUnits: 4, currency: "USD"), 1, of: 3) == Money(minorUnits: 1, currency: "USD"))
    #expect(try Proration.prorate(Money(minorUnits: 100, currency: "JPY"), 31, of: 31).minorUnits == 100)
  }
}

@Suite("Change timings", .timeLimit(.minutes(5)))
struct ChangeTimingTests {
  func microsoft(quantity: Int = 5) -> Subscription { changeable("O365-E3", quantity: quantity) }

  @Test("H2: On Renewal allows a quantity decrease at microsoft; a custom date does not")
  func decreases() throws {
    try planner.checkTiming(.onRenewal, actions: [.quantity(2)], subscription: microsoft(), backordering: false)
    let error = #expect(throws: DomainError.self) {
      try planner.checkTiming(.customDate, actions: [.quantity(2)], subscription: microsoft(), backordering: false)
    }
    #expect(
      error?.message.contains("vendor microsoft does not allow a quantity decrease with customDate timing") == true)
    try planner.checkTiming(.customDate, actions: [.quantity(2)], subscription: changeable(), backordering: false)
  }

  @Test("H2, C2: microsoft-legacy offers only now and custom date")
  func legacy() throws {
    let legacyCatalog = changeCatalog.map { product in
      var product = product
      if product.sku == "BASIC" { product.vendor = .microsoftLegacy }
      return product
    }
    let legacyPlanner = ChangePlanner(catalog: legacyCatalog, currency: "USD")
    #expect(throws: DomainError.self) {
      try legacyPlanner.checkTiming(
        .onRenewal, actions: [.quantity(6)], subscription: changeable(), backordering: false)
    }
    try legacyPlanner.checkTiming(.customDate, actions: [.quantity(6)], subscription: changeable(), backordering: false)
  }

  @Test("H3, B5, F4: auto-renew, cancellations with backordering and add-ons are changed now only")
  func nowOnly() throws {
    #expect(throws: DomainError.self) {
      try planner.checkTiming(
        .customDate, actions: [.autoRenew(false)], subscription: changeable(), backordering: false)
    }
    let error = #expect(throws: DomainError.self) {
      try planner.checkTiming(.onRenewal, actions: [.cancel], subscription: changeable(), backordering: true)
    }
    #expect(error?.message.contains("turn auto-renew off") == true)
    let addon = changeable("BASIC-STORAGE", quantity: 2, id: "SUB-000002", parent: "SUB-000001")
    #expect(throws: DomainError.self) {
      try planner.checkTiming(.customDate, actions: [.quantity(3)], subscription: addon, backordering: false)
    }
    try planner.checkTiming(.now, actions: [.autoRenew(false)], subscription: changeable(), backordering: true)
  }
}
