import Foundation
import OrderDomain
import Testing

@Suite("Scheduled sales orders", .timeLimit(.minutes(5)))
struct SchedulingTests {
  let planner = SalesOrderPlanner(catalog: catalog, currency: "USD")
  let tomorrow = CivilDate(year: 2026, month: 2, day: 1)  // `now` is 2026-01-31 10:00 UTC

  func refusal(_ items: [RequestedItem], account: Account = customer, on date: CivilDate? = nil) -> DomainError? {
    do {
      _ = try planner.planScheduled(
        account: account, items: items, subscriptions: [subscription("SUB-1", sku: "O365-E3")],
        executionDate: date ?? tomorrow, now: now)
      return nil
    } catch {
      return error
    }
  }

  @Test("S1: a future date is accepted; periods start at the start of that day, UTC")
  func futureDate() throws {
    let plan = try planner.planScheduled(
      account: customer, items: [RequestedItem(sku: "O365-E3", quantity: 2), RequestedItem(sku: "AV", quantity: 1)],
      subscriptions: [], executionDate: tomorrow, now: now)
    #expect(plan.subscriptions.first?.startDate == UTCCalendar.date(year: 2026, month: 2, day: 1))
    #expect(plan.subscriptions.first?.currentPeriodEnd == UTCCalendar.date(year: 2026, month: 3, day: 1))
    #expect(plan.total == usd("89.99"))
  }

  @Test("S1: a date that is not in the future is rejected")
  func pastDate() throws {
    for date in [CivilDate(year: 2026, month: 1, day: 31), CivilDate(year: 2025, month: 6, day: 1)] {
      let error = try #require(refusal([RequestedItem(sku: "O365-E3", quantity: 1)], on: date))
      #expect(error.code == .invalidArgument)
      #expect(error.message.contains("not in the future"))
    }
  }

  @Test("S2: the whole order is rejected, naming each trial, add-on of an existing subscription and manual item")
  func offendingItems() throws {
    let error = try #require(
      refusal([
        RequestedItem(sku: "O365-E3", quantity: 1),
        RequestedItem(sku: "TRIAL", quantity: 1),
        RequestedItem(sku: "STORAGE", quantity: 1, baseSubscriptionID: "SUB-1"),
        RequestedItem(sku: "SETUP", quantity: 1),
      ]))
    #expect(error.message.contains("item 2 (SKU TRIAL): a trial cannot be scheduled"))
    #expect(error.message.contains("item 3 (SKU STORAGE): an add-on of an existing subscription (SUB-1)"))
    #expect(error.message.contains("item 4 (SKU SETUP): Setup service is not provisioned automatically"))
    #expect(!error.message.contains("item 1"))
  }

  @Test("S2: a new subscription with its add-on in the same order can be scheduled")
  func addonWithBase() throws {
    let plan = try planner.planScheduled(
      account: customer,
      items: [RequestedItem(sku: "O365-E3", quantity: 1), RequestedItem(sku: "STORAGE", quantity: 1)],
      subscriptions: [], executionDate: tomorrow, now: now)
    #expect(plan.subscriptions.last?.base == .sameOrder(itemIndex: 0))
  }

  @Test("S3: orders of a standard reseller or its customers cannot be scheduled")
  func resellers() throws {
    let reseller = Account(id: "ACC-000009", name: "R", kind: .reseller, resellerID: nil, createdAt: now)
    let ofReseller = Account(id: "ACC-000010", name: "C", kind: .customer, resellerID: reseller.id, createdAt: now)
    for account in [reseller, ofReseller] {
      let error = try #require(refusal([RequestedItem(sku: "O365-E3", quantity: 1)], account: account))
      #expect(error.code == .failedPrecondition)
    }
  }
}
