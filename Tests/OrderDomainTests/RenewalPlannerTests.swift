import Foundation
import OrderDomain
import Testing

@Suite("Renewals and billing at the end of a period", .timeLimit(.minutes(5)))
struct RenewalPlannerTests {
  @Test("F5: a renewal applies the future request's quantity and invoices the new period")
  func renewalWithFutureRequest() throws {
    let plan = try renewals.plan(renewing(), pending: .futureRequest(request(8)), now: feb28)
    #expect(plan.outcome == .renewal && plan.orderType == .renewal)
    #expect(plan.applied == .futureRequest(request(8)) && plan.refused == nil)
    #expect(plan.after.quantity == 8)
    // Anchored on Jan 31: Feb 28 is followed by Mar 31, not Mar 28.
    #expect(plan.after.currentPeriodEnd == mar31 && plan.after.termEnd == mar31)
    #expect(plan.total == usd("160.00"))
    #expect(plan.lines.map(\.quantity) == [8])
    #expect(plan.lines[0].periodStart == feb28 && plan.lines[0].periodEnd == mar31)
    #expect(plan.invoiceLines[0].description == "Office 365 E3 × 8, monthly period 2026-02-28 to 2026-03-31")
    #expect(plan.details == [ChangeDetail(field: "quantity", old: "5", new: "8")])
    #expect(
      plan.summary
        == "subscription SUB-000001 renewed for 2026-02-28 to 2026-03-31 (160.00 USD): quantity 5 -> 8 (future request)"
    )
    let order = try #require(plan.newOrder(status: .executing, reason: "renewal"))
    #expect(order.type == .renewal && order.subscriptionID == "SUB-000001" && order.total == usd("160.00"))
  }

  @Test("F5, H1: a renewal applies the On Renewal change: upgrade and a new term")
  func renewalWithOnRenewalChange() throws {
    let change = RenewalChange.order("CH-000003", actions: [.upgrade(sku: "O365-E5"), .term(.oneYear)])
    let plan = try renewals.plan(renewing(), pending: change, now: feb28)
    #expect(plan.applied == change)
    #expect(plan.after.sku == "O365-E5" && plan.after.productName == "Office 365 E5")
    #expect(plan.after.term == .oneYear)
    #expect(plan.after.termEnd == UTCCalendar.date(year: 2027, month: 2, day: 28))
    #expect(plan.after.currentPeriodEnd == mar31)
    #expect(plan.total == usd("175.00"))  // 35.00 × 5
    #expect(plan.summary.hasSuffix("(On Renewal change CH-000003)"))
  }

  @Test("F5, H2: a shorter term or a quantity decrease is allowed at the renewal")
  func renewalDecreases() throws {
    let change = RenewalChange.order("CH-000004", actions: [.quantity(2), .term(.oneMonth)])
    var lastMonth = renewing(term: .oneYear)
    lastMonth.currentPeriodEnd = lastMonth.termEnd
    let plan = try renewals.plan(lastMonth, pending: change, now: lastMonth.termEnd)
    #expect(plan.outcome == .renewal && plan.applied == change)
    #expect(plan.after.quantity == 2 && plan.after.term == .oneMonth)
    #expect(plan.after.termEnd == UTCCalendar.date(year: 2027, month: 2, day: 28))
  }

  @Test("F5, C1: an On Renewal change that is no longer valid lets the renewal go ahead unchanged, with the reason")
  func invalidChangeRenewsUnchanged() throws {
    let change = RenewalChange.order("CH-000005", actions: [.quantity(500)])
    let plan = try renewals.plan(renewing(), pending: change, now: feb28)
    #expect(plan.outcome == .renewal && plan.applied == nil && plan.refused == change)
    #expect(plan.refusalReason == "quantity 500 is outside O365-E3's allowed range 1...300")
    #expect(plan.after.quantity == 5 && plan.total == usd("100.00"))
    #expect(plan.summary.contains("On Renewal change CH-000005 not applied"))
  }

  @Test("F5: with auto-renew off (or a trial) the subscription expires at the end of its term, without an order")
  func expiry() throws {
    let plan = try renewals.plan(renewing(autoRenew: false), pending: .futureRequest(request(8)), now: feb28)
    #expect(plan.outcome == .expiry && plan.orderType == nil && plan.lines.isEmpty)
    #expect(plan.after.status == .expired && plan.after.quantity == 5)
    #expect(plan.refused == .futureRequest(request(8)))
    #expect(plan.summary == "subscription SUB-000001 expired on 2026-02-28: auto-renew is off")
    #expect(plan.newOrder(status: .executing, reason: "x") == nil)
    let trial = try renewals.plan(renewing("TRIAL", quantity: 1), now: feb28)
    #expect(trial.outcome == .expiry && trial.summary.hasSuffix("a trial never renews; upgrade it to a paid product"))
  }

  @Test("F5: a postpaid subscription that expires is billed for the period just ended")
  func postpaidExpiry() throws {
    let plan = try renewals.plan(renewing("AZURE", quantity: 1, autoRenew: false), now: feb28)
    #expect(plan.outcome == .expiry && plan.orderType == .billing)
    #expect(plan.total == usd("100.00"))
    #expect(plan.lines[0].periodStart == jan31 && plan.lines[0].periodEnd == feb28)
  }

  @Test("F5: inside a longer term the end of a billing period is a BO for the next period, changes wait")
  func billingInsideTerm() throws {
    let plan = try renewals.plan(renewing(term: .oneYear), pending: .futureRequest(request(8)), now: feb28)
    #expect(plan.outcome == .billing && plan.orderType == .billing)
    #expect(plan.applied == nil && plan.refused == nil)
    #expect(plan.after.quantity == 5 && plan.after.currentPeriodEnd == mar31)
    #expect(plan.after.termEnd == UTCCalendar.date(year: 2027, month: 1, day: 31))
    #expect(plan.total == usd("100.00"))
    #expect(plan.summary == "subscription SUB-000001 billed for 2026-02-28 to 2026-03-31 (100.00 USD)")
  }

  @Test("F5: a postpaid subscription is charged for the period just ended when it renews")
  func postpaidRenewal() throws {
    let plan = try renewals.plan(renewing("AZURE", quantity: 1), now: feb28)
    #expect(plan.outcome == .renewal && plan.total == usd("100.00"))
    #expect(plan.lines[0].periodStart == jan31 && plan.lines[0].periodEnd == feb28)
    #expect(plan.invoiceLines[0].description == "Azure plan × 1, monthly usage period 2026-01-31 to 2026-02-28")
  }

  @Test("F5: an add-on renews like any subscription and expires when its base has ended")
  func addons() throws {
    var addon = renewing("STORAGE", quantity: 2)
    addon.parentSubscriptionID = "SUB-000009"
    var base = renewing()
    base.id = "SUB-000009"
    let renewed = try renewals.plan(addon, base: base, now: feb28)
    #expect(renewed.outcome == .renewal && renewed.total == usd("5.00"))
    #expect(renewed.after.currentPeriodEnd == mar31)
    base.status = .expired
    let expired = try renewals.plan(addon, base: base, now: feb28)
    #expect(expired.outcome == .expiry && expired.after.status == .expired)
    #expect(expired.summary.contains("its base subscription SUB-000009 is expired"))
  }

  @Test("F5: nothing renews before its period ends, and only active subscriptions renew")
  func notDue() {
    let early = #expect(throws: DomainError.self) { try renewals.plan(renewing(), now: feb28 - 1) }
    #expect(early?.code == .failedPrecondition)
    var cancelled = renewing()
    cancelled.status = .cancelled
    #expect(throws: DomainError.self) { try renewals.plan(cancelled, now: feb28) }
  }

  @Test("F5: periods are counted from the anchor, so month ends do not drift")
  func anchoredPeriods() {
    #expect(UTCCalendar.end(ofMonths: 1, startingAt: feb28, anchor: jan31) == mar31)
    #expect(UTCCalendar.start(ofMonths: 1, endingAt: mar31, anchor: jan31) == feb28)
    #expect(UTCCalendar.months(from: jan31, to: mar31) == 2)
  }
}
