import Foundation
import OrderDomain
import Testing

@Suite("Sales order planner", .timeLimit(.minutes(5)))
struct SalesOrderPlannerTests {
  let planner = SalesOrderPlanner(catalog: catalog, currency: "USD")

  func refusal(_ items: [RequestedItem], subscriptions: [Subscription] = []) -> DomainError? {
    do {
      _ = try planner.plan(account: customer, items: items, subscriptions: subscriptions, now: now)
      return nil
    } catch {
      return error
    }
  }

  @Test("C1: a plan reads only the subscriptions it needs: a trial's own SKU and an add-on's base")
  func subscriptionSKUs() {
    #expect(planner.subscriptionSKUs(for: [RequestedItem(sku: "O365-E3", quantity: 5)]).isEmpty)
    #expect(planner.subscriptionSKUs(for: [RequestedItem(sku: "TRIAL", quantity: 1)]) == ["TRIAL"])
    #expect(
      planner.subscriptionSKUs(for: [
        RequestedItem(sku: "STORAGE", quantity: 1), RequestedItem(sku: "UNKNOWN", quantity: 1),
      ]) == ["O365-E3"])
  }

  @Test("C1: lines charge the first period for prepaid, nothing now for postpaid, once for one-time")
  func amounts() throws {
    let plan = try planner.plan(
      account: customer,
      items: [
        RequestedItem(sku: "O365-E3", quantity: 3, billingCycle: .annual, term: .oneYear),
        RequestedItem(sku: "AZURE", quantity: 1),
        RequestedItem(sku: "AV", quantity: 2),
        RequestedItem(sku: "SETUP", quantity: 1),
      ], subscriptions: [], now: now)
    #expect(plan.lines.map(\.amount) == [usd("60.00"), usd("0.00"), usd("99.98"), usd("150.00")])
    #expect(plan.total == usd("309.98"))
    #expect(plan.lines[0].periodEnd == UTCCalendar.date(year: 2027, month: 1, day: 31, hour: 10))
    #expect(plan.lines[2].billingCycle == nil)
    #expect(plan.subscriptions.map(\.sku) == ["O365-E3", "AZURE"])
    #expect(plan.assets.count == 2)
    #expect(plan.deliveries == [PlannedDelivery(itemIndex: 3, sku: "SETUP", quantity: 1)])
  }

  @Test("C1: periods use calendar months with month-end clamping; defaults pick the first cycle and a fitting term")
  func periods() throws {
    let plan = try planner.plan(
      account: customer, items: [RequestedItem(sku: "O365-E3", quantity: 1)], subscriptions: [], now: now)
    let planned = try #require(plan.subscriptions.first)
    #expect(planned.billingCycle == .monthly)
    #expect(planned.term == .oneMonth)
    #expect(planned.currentPeriodEnd == UTCCalendar.date(year: 2026, month: 2, day: 28, hour: 10))
    #expect(planned.autoRenew)
    #expect(planned.provisioningStatus == .synced)
    let annual = try planner.plan(
      account: customer, items: [RequestedItem(sku: "O365-E3", quantity: 1, billingCycle: .annual)],
      subscriptions: [], now: now)
    #expect(annual.subscriptions.first?.term == .oneYear)
  }

  @Test("C1: every offending item is named with its reason")
  func namesEveryItem() throws {
    let error = try #require(
      refusal([
        RequestedItem(sku: "NOPE", quantity: 1),
        RequestedItem(sku: "O365-E3", quantity: 0),
        RequestedItem(sku: "O365-E5", quantity: 1, billingCycle: .annual),
        RequestedItem(sku: "O365-E3", quantity: 1, term: .threeYears),
        RequestedItem(sku: "AV", quantity: 1, billingCycle: .monthly),
        RequestedItem(sku: "O365-E3", quantity: 301),
      ]))
    #expect(error.code == .invalidArgument)
    let expected = [
      "item 1 (SKU NOPE): SKU NOPE is not in the catalog",
      "item 2 (SKU O365-E3): quantity 0 is outside the allowed range 1...300",
      "item 3 (SKU O365-E5): billing cycle annual is not offered",
      "item 4 (SKU O365-E3): term P3Y is not offered",
      "item 5 (SKU AV): Antivirus is sold once",
      "item 6 (SKU O365-E3): quantity 301 is outside",
    ]
    for line in expected { #expect(error.message.contains(line), "missing: \(line)") }
  }

  @Test("C1: an add-on needs its base in the same order or an active base subscription")
  func addonBase() throws {
    let alone = try #require(refusal([RequestedItem(sku: "STORAGE", quantity: 1)]))
    #expect(alone.message.contains("needs its base O365-E3"))
    let cancelled = refusal(
      [RequestedItem(sku: "STORAGE", quantity: 1)],
      subscriptions: [subscription("SUB-1", sku: "O365-E3", status: .cancelled)])
    #expect(cancelled != nil)
    let sameOrder = try planner.plan(
      account: customer,
      items: [RequestedItem(sku: "STORAGE", quantity: 1), RequestedItem(sku: "O365-E3", quantity: 1)],
      subscriptions: [], now: now)
    #expect(sameOrder.subscriptions.first?.base == .sameOrder(itemIndex: 1))
    let existing = try planner.plan(
      account: customer, items: [RequestedItem(sku: "STORAGE", quantity: 1)],
      subscriptions: [subscription("SUB-1", sku: "O365-E3")], now: now)
    #expect(existing.subscriptions.first?.base == .existing("SUB-1"))
  }

  @Test("C1: with several base subscriptions, the add-on must name one")
  func ambiguousBase() throws {
    let bases = [subscription("SUB-1", sku: "O365-E3"), subscription("SUB-2", sku: "O365-E3")]
    let error = try #require(refusal([RequestedItem(sku: "STORAGE", quantity: 1)], subscriptions: bases))
    #expect(error.message.contains("SUB-1, SUB-2"))
    let named = try planner.plan(
      account: customer, items: [RequestedItem(sku: "STORAGE", quantity: 1, baseSubscriptionID: "SUB-2")],
      subscriptions: bases, now: now)
    #expect(named.subscriptions.first?.base == .existing("SUB-2"))
    #expect(
      refusal([RequestedItem(sku: "STORAGE", quantity: 1, baseSubscriptionID: "SUB-9")], subscriptions: bases) != nil)
  }

  @Test("C1: a trial is free, does not renew, and is used once per account")
  func trials() throws {
    let plan = try planner.plan(
      account: customer, items: [RequestedItem(sku: "TRIAL", quantity: 5)], subscriptions: [], now: now)
    #expect(plan.total == usd("0.00"))
    #expect(plan.subscriptions.first?.autoRenew == false)
    let used = try #require(
      refusal(
        [RequestedItem(sku: "TRIAL", quantity: 1)],
        subscriptions: [subscription("SUB-1", sku: "TRIAL", status: .expired)]))
    #expect(used.message.contains("already used this trial"))
    let twice = try #require(
      refusal([RequestedItem(sku: "TRIAL", quantity: 1), RequestedItem(sku: "TRIAL", quantity: 1)]))
    #expect(twice.message.contains("item 2 (SKU TRIAL): a trial can be ordered only once"))
  }

  @Test("an empty order is refused; products that are not provisioned automatically start pending")
  func emptyAndPending() throws {
    #expect(refusal([])?.message == "an order needs at least one item")
    var manual = office
    manual.autoProvisioned = false
    let plan = try SalesOrderPlanner(catalog: [manual], currency: "USD").plan(
      account: customer, items: [RequestedItem(sku: "O365-E3", quantity: 1)], subscriptions: [], now: now)
    #expect(plan.subscriptions.first?.provisioningStatus == .pending)
  }
}
