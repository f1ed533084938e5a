import Foundation
import OrderDomain
import Testing

@Suite("Backorders: how the parent applies a tenant's change", .timeLimit(.minutes(5)))
struct BackorderPlannerTests {
  let planner = BackorderPlanner(catalog: catalog, currency: "USD")

  func change(_ kind: BackorderKind, sku: String = "O365-E3", quantity: Int = 5, base: SubscriptionID? = nil)
    -> BackorderChange
  {
    BackorderChange(
      sequence: 1, subscriptionID: "SUB-000009", kind: kind, sku: sku, quantity: quantity,
      previousSKU: kind == .upgrade ? "O365-E3" : nil, baseSubscriptionID: base, orderNumber: "SO-000001", at: now)
  }

  @Test("B2: a sale becomes a sales order for the same SKU and quantity on the tenant's account")
  func sale() throws {
    let action = planner.plan(change(.sale), account: customer, linked: nil, now: now)
    guard case .sale(let item, let plan) = action else {
      Issue.record("expected a sale, got \(action)")
      return
    }
    #expect(item.sku == "O365-E3" && item.quantity == 5)
    #expect(plan.subscriptions.map(\.quantity) == [5])
  }

  @Test("B3: an SKU the parent does not sell, or a quantity over its limit, stalls with the reason")
  func stallsOnCatalog() {
    let unknown = planner.plan(change(.sale, sku: "NOPE"), account: customer, linked: nil, now: now)
    guard case .stall(let reason) = unknown else {
      Issue.record("expected a stall, got \(unknown)")
      return
    }
    #expect(reason.contains("SKU NOPE is not in the catalog"))
    let tooMany = planner.plan(change(.quantity, quantity: 301), account: customer, linked: renewing(), now: now)
    guard case .stall(let limit) = tooMany else {
      Issue.record("expected a stall, got \(tooMany)")
      return
    }
    #expect(limit.contains("outside O365-E3's allowed range 1...300"))
  }

  @Test("B3: a change of a tenant subscription with no subscription in the parent stalls")
  func stallsWithoutLink() {
    let action = planner.plan(change(.quantity, quantity: 8), account: customer, linked: nil, now: now)
    guard case .stall(let reason) = action else {
      Issue.record("expected a stall, got \(action)")
      return
    }
    #expect(reason.contains("SUB-000009 has no subscription in this organization"))
  }

  @Test("B3: an add-on's sale stalls until its base has a subscription in the parent")
  func addonNeedsBase() {
    let action = planner.plan(
      change(.sale, sku: "STORAGE", quantity: 2, base: "SUB-000008"), account: customer, linked: nil, now: now)
    guard case .stall(let reason) = action else {
      Issue.record("expected a stall, got \(action)")
      return
    }
    #expect(reason.contains("apply the base's backorder first"))
    let withBase = planner.plan(
      change(.sale, sku: "STORAGE", quantity: 2, base: "SUB-000008"), account: customer, linked: nil,
      base: renewing(), accountSubscriptions: [renewing()], now: now)
    guard case .sale(let item, _) = withBase else {
      Issue.record("expected a sale, got \(withBase)")
      return
    }
    #expect(item.baseSubscriptionID == "SUB-000001")
  }

  @Test("B2: quantity, upgrade and cancellation change the linked subscription now")
  func changes() {
    let quantity = planner.plan(change(.quantity, quantity: 8), account: customer, linked: renewing(), now: jan31)
    guard case .change(_, let actions, let plan) = quantity else {
      Issue.record("expected a change, got \(quantity)")
      return
    }
    #expect(actions == [.quantity(8)])
    #expect(plan.after.quantity == 8)
    let cancel = planner.plan(change(.cancellation), account: customer, linked: renewing(), now: jan31)
    guard case .change(_, let cancelActions, _) = cancel else {
      Issue.record("expected a change, got \(cancel)")
      return
    }
    #expect(cancelActions == [.cancel])
  }

  @Test("B3: a change the parent already matches applies without an order")
  func alreadyMatches() {
    var cancelled = renewing()
    cancelled.status = .cancelled
    let action = planner.plan(change(.cancellation), account: customer, linked: cancelled, now: now)
    guard case .nothing = action else {
      Issue.record("expected nothing to do, got \(action)")
      return
    }
    let same = planner.plan(change(.quantity, quantity: 5), account: customer, linked: renewing(), now: now)
    guard case .nothing = same else {
      Issue.record("expected nothing to do, got \(same)")
      return
    }
  }
}
