import Foundation
import GRPCCore
import OrderProtocol
import OrderTesting
import SwiftProtobuf
import Testing

/// Future requests (F1-F4), renewals and the billing service on the server's clock (F5, F6).
@Suite("Future requests and renewals", .timeLimit(.minutes(5)))
struct RenewalTests {
  static func setup(_ orderd: TestOrderd, configure: (inout Orders_V1_Product) -> Void = { _ in }) async throws
    -> (Caller<TestOrderd.Transport>, Orders_V1_Subscription)
  {
    let (_, admin) = try await orderd.root.createTenant("Tenant")
    let account = try await admin.createAccount("Customer")
    _ = try await admin.createProduct(sku: "SEAT", price: "10.00", configure: configure)
    _ = try await admin.placeOrder(account: account.id, items: [("SEAT", 5)])
    let subscription = try #require(
      try await admin.subscriptions.listSubscriptions(.init(), metadata: admin.metadata()).subscriptions.first)
    return (admin, subscription)
  }

  @Test("F5, F2, F3: a future request applies at the renewal (RN, new quantity invoiced); the feed records it")
  func futureRequestApplied() async throws {
    try await TestOrderd.with { orderd in
      let (admin, subscription) = try await Self.setup(orderd)
      let set = try await admin.setFutureRequest(subscription.id, quantity: 8)
      #expect(set.futureQuantity == 8)
      let feed = try await admin.subscriptions.listSubscriptionFeed(
        .with { $0.subscriptionID = subscription.id }, metadata: admin.metadata())
      #expect(feed.entries.contains { $0.type == "SubscriptionComment" })  // F3
      try await orderd.root.advanceClock(by: "P1M")
      let renewed = try await admin.subscription(subscription.id)
      #expect(renewed.quantity == 8)
      #expect(renewed.futureQuantity == 0)
      #expect(renewed.currentPeriodEnd.date == Date(timeIntervalSince1970: 1_803_859_200))  // 2027-03-01
      let rn = try #require(
        try await admin.orders.listOrders(.init(), metadata: admin.metadata()).orders.first { $0.type == .rn })
      #expect(rn.status == "completed" && rn.total.minorUnits == 8000)
      #expect(try await admin.invoices().contains { $0.orderID == rn.id && $0.total.minorUnits == 8000 })
    }
  }

  @Test("F2: a revoked future request changes nothing at the renewal; F3: the revocation is in the feed")
  func revoked() async throws {
    try await TestOrderd.with { orderd in
      let (admin, subscription) = try await Self.setup(orderd)
      _ = try await admin.setFutureRequest(subscription.id, quantity: 8)
      _ = try await admin.subscriptions.revokeFutureRequest(
        .with { $0.subscriptionID = subscription.id }, metadata: admin.metadata())
      let feed = try await admin.subscriptions.listSubscriptionFeed(
        .with { $0.subscriptionID = subscription.id }, metadata: admin.metadata())
      #expect(feed.entries.filter { $0.type == "SubscriptionComment" }.count == 2)
      try await orderd.root.advanceClock(by: "P1M")
      #expect(try await admin.subscription(subscription.id).quantity == 5)
    }
  }

  @Test("F1: Manage Renewal is refused when auto-renew is off, naming the condition")
  func conditionAutoRenew() async throws {
    try await TestOrderd.with { orderd in
      let (admin, subscription) = try await Self.setup(orderd)
      _ = try await admin.change(subscription.id) { $0.autoRenew = false }
      await Self.expectRefused(admin, subscription.id, mentioning: "auto-renew")
    }
  }

  @Test("F1: Manage Renewal needs prepaid recurring pricing")
  func conditionPricing() async throws {
    try await TestOrderd.with { orderd in
      let (admin, subscription) = try await Self.setup(orderd) { $0.pricing = .postpaidRecurring }
      await Self.expectRefused(admin, subscription.id, mentioning: "prepaid")
    }
  }

  @Test("F1: Manage Renewal is refused when the quantity limit is exactly 1")
  func conditionLimitOne() async throws {
    try await TestOrderd.with { orderd in
      let (_, admin) = try await orderd.root.createTenant("Tenant")
      let account = try await admin.createAccount("Customer")
      _ = try await admin.createProduct(sku: "ONE") { $0.maxQuantity = 1 }
      _ = try await admin.placeOrder(account: account.id, items: [("ONE", 1)])
      let subscription = try #require(
        try await admin.subscriptions.listSubscriptions(.init(), metadata: admin.metadata()).subscriptions.first)
      await Self.expectRefused(admin, subscription.id, quantity: 1, mentioning: "1")
    }
  }

  @Test("F1: Manage Renewal is refused while a future request or an On Renewal change is pending")
  func conditionPending() async throws {
    try await TestOrderd.with { orderd in
      let (admin, subscription) = try await Self.setup(orderd)
      _ = try await admin.setFutureRequest(subscription.id, quantity: 8)
      await Self.expectRefused(admin, subscription.id, quantity: 9, mentioning: "future request")
      _ = try await admin.subscriptions.revokeFutureRequest(
        .with { $0.subscriptionID = subscription.id }, metadata: admin.metadata())
      _ = try await admin.scheduleChange(subscription.id) { $0.quantity = 7 }
      await Self.expectRefused(admin, subscription.id, quantity: 9, mentioning: "On Renewal")
    }
  }

  @Test("F1: Manage Renewal needs an active subscription with provisioning status synced")
  func conditionActiveSynced() async throws {
    try await TestOrderd.with { orderd in
      let (admin, subscription) = try await Self.setup(orderd)
      _ = try await admin.change(subscription.id) { $0.cancel = true }
      await Self.expectRefused(admin, subscription.id, mentioning: "active")
    }
  }

  @Test("F4: add-ons get immediate quantity changes only")
  func addonsImmediateOnly() async throws {
    try await TestOrderd.with { orderd in
      let admin = orderd.root
      let account = try await admin.createAccount("Customer")
      _ = try await admin.createProduct(sku: "BASE")
      _ = try await admin.createProduct(sku: "EXTRA", kind: .addon) { $0.addonOf = "BASE" }
      _ = try await admin.placeOrder(account: account.id, items: [("BASE", 2), ("EXTRA", 2)])
      let addon = try #require(
        try await admin.subscriptions.listSubscriptions(.init(), metadata: admin.metadata()).subscriptions.first {
          $0.sku == "EXTRA"
        })
      await Self.expectRefused(admin, addon.id, mentioning: "add-on")
      let scheduled = await statusCode {
        _ = try await admin.scheduleChange(addon.id, on: "2027-01-15") { $0.quantity = 4 }
      }
      #expect(scheduled == .failedPrecondition || scheduled == .invalidArgument)
      #expect(try await admin.change(addon.id) { $0.quantity = 4 }.subscription.quantity == 4)
    }
  }

  @Test(
    "F5: with auto-renew off a subscription expires at the end of its term; an On Renewal change applies at renewal")
  func expiryAndOnRenewal() async throws {
    try await TestOrderd.with { orderd in
      let (admin, subscription) = try await Self.setup(orderd)
      let change = try await admin.scheduleChange(subscription.id) { $0.quantity = 3 }
      try await orderd.root.advanceClock(by: "P1M")
      #expect(try await admin.subscription(subscription.id).quantity == 3)
      #expect(try await admin.order(change.order.id).status == "completed")
      _ = try await admin.change(subscription.id) { $0.autoRenew = false }
      try await orderd.root.advanceClock(by: "P1M")
      #expect(try await admin.subscription(subscription.id).status == "expired")
    }
  }

  @Test("F6: advancing the clock runs everything due in between in date order, each exactly once")
  func advanceRunsInOrder() async throws {
    try await TestOrderd.with { orderd in
      let (admin, subscription) = try await Self.setup(orderd)
      let account = subscription.accountID
      let march = try await admin.schedule(account: account, items: [("SEAT", 1)], on: "2027-03-15")
      let february = try await admin.schedule(account: account, items: [("SEAT", 1)], on: "2027-02-10")
      try await orderd.root.advanceClock(by: "P4M")
      let first = try await admin.order(february.id)
      let second = try await admin.order(march.id)
      #expect(first.status == "completed" && second.status == "completed")
      #expect(first.history[1].at.date < second.history[1].at.date)
      // Four monthly renewals of the first subscription, one each.
      let renewals = try await admin.orders.listOrders(.init(), metadata: admin.metadata()).orders.filter {
        $0.type == .rn && $0.subscriptionID == subscription.id
      }
      #expect(renewals.count == 4)
      // Nothing runs twice when time moves again.
      try await orderd.root.advanceClock(by: "PT1S")
      let again = try await admin.orders.listOrders(.init(), metadata: admin.metadata()).orders
      #expect(again.filter { $0.type == .rn && $0.subscriptionID == subscription.id }.count == 4)
    }
  }

  static func expectRefused(
    _ admin: Caller<TestOrderd.Transport>, _ subscription: String, quantity: Int32 = 8, mentioning text: String
  ) async {
    do {
      _ = try await admin.setFutureRequest(subscription, quantity: quantity)
      Issue.record("expected a refusal mentioning \(text)")
    } catch let error as RPCError {
      #expect(error.code == .failedPrecondition || error.code == .invalidArgument)
      #expect(error.message.contains(text), "\(error.message)")
    } catch {
      Issue.record("unexpected \(error)")
    }
  }
}
