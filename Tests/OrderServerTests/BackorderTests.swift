import Foundation
import GRPCCore
import OrderProtocol
import OrderTesting
import SwiftProtobuf
import Testing

/// Backordering to the parent organization (B1-B6). Relays run with the billing service:
/// `clock advance` returns once the backorders it caused are delivered or stalled.
@Suite("Backordering", .timeLimit(.minutes(5)))
struct BackorderTests {
  /// Root sells SEAT; a tenant resells it to a customer.
  struct Chain {
    var tenantOrg: Orders_V1_Organization
    var tenant: Caller<TestOrderd.Transport>
    var customer: Orders_V1_Account

    static func make(_ orderd: TestOrderd, parentSKUs: [String] = ["SEAT"]) async throws -> Chain {
      for sku in parentSKUs { _ = try await orderd.root.createProduct(sku: sku, price: "7.00") }
      let (tenantOrg, tenant) = try await orderd.root.createTenant("Reseller")
      _ = try await tenant.createProduct(sku: "SEAT", price: "10.00")
      let customer = try await tenant.createAccount("Customer")
      return Chain(tenantOrg: tenantOrg, tenant: tenant, customer: customer)
    }
  }

  static func deliver(_ orderd: TestOrderd) async throws {
    try await orderd.root.advanceClock(by: "PT1S")
  }

  static func backorders(_ caller: Caller<TestOrderd.Transport>) async throws -> [Orders_V1_Backorder] {
    try await caller.backorders.listBackorders(.init(), metadata: caller.metadata()).backorders
      .sorted { $0.sourceSequence < $1.sourceSequence }
  }

  @Test("B1: backordering is on by default for tenants, never for country tenants or the root")
  func defaults() async throws {
    try await TestOrderd.with { orderd in
      let (_, tenant) = try await orderd.root.createTenant("Tenant")
      let (_, country) = try await orderd.root.createTenant("Country", kind: .countryTenant)
      func settings(_ caller: Caller<TestOrderd.Transport>) async throws -> Orders_V1_OrganizationSettings {
        try await caller.organizations.getOrganizationSettings(.init(), metadata: caller.metadata())
      }
      #expect(try await settings(tenant).backordering)
      #expect(try await !settings(country).backordering)
      #expect(try await !settings(orderd.root).backordering)
      let turnOn = await statusCode {
        _ = try await country.organizations.updateOrganizationSettings(
          .with { $0.backordering = true }, metadata: country.metadata())
      }
      #expect(turnOn == .invalidArgument || turnOn == .failedPrecondition)
      let off = try await tenant.organizations.updateOrganizationSettings(
        .with { $0.backordering = false }, metadata: tenant.metadata())
      #expect(!off.backordering)
    }
  }

  @Test(
    "B2: a tenant's sale, change and cancellation reach the parent as immediate changes on the tenant's account, by SKU"
  )
  func changesReachParent() async throws {
    try await TestOrderd.with { orderd in
      let chain = try await Chain.make(orderd)
      _ = try await chain.tenant.placeOrder(account: chain.customer.id, items: [("SEAT", 5)])
      try await Self.deliver(orderd)
      var received = try await Self.backorders(orderd.root)
      #expect(received.map(\.kind) == ["sale"])
      #expect(received.first?.status == "applied" && received.first?.accountID == chain.tenantOrg.parentAccountID)
      let parentSubscriptions = try await orderd.root.subscriptions.listSubscriptions(
        .with { $0.accountID = chain.tenantOrg.parentAccountID }, metadata: orderd.root.metadata()
      ).subscriptions
      #expect(parentSubscriptions.map(\.sku) == ["SEAT"] && parentSubscriptions.first?.quantity == 5)
      let tenantSubscription = try #require(
        try await chain.tenant.subscriptions.listSubscriptions(.init(), metadata: chain.tenant.metadata()).subscriptions
          .first)
      _ = try await chain.tenant.change(tenantSubscription.id) { $0.quantity = 8 }
      _ = try await chain.tenant.change(tenantSubscription.id) { $0.cancel = true }
      try await Self.deliver(orderd)
      received = try await Self.backorders(orderd.root)
      #expect(received.map(\.kind) == ["sale", "quantity", "cancellation"])
      #expect(received.allSatisfy { $0.status == "applied" })
      let parent = try await orderd.root.subscription(try #require(parentSubscriptions.first).id)
      #expect(parent.status == "cancelled")
      #expect(try await orderd.root.notificationTypes().contains("BackorderReceived"))
    }
  }

  @Test("B2: a future request is not backordered when created, only its effect at the renewal")
  func futureRequestAtRenewal() async throws {
    try await TestOrderd.with { orderd in
      let chain = try await Chain.make(orderd)
      _ = try await chain.tenant.placeOrder(account: chain.customer.id, items: [("SEAT", 5)])
      let subscription = try #require(
        try await chain.tenant.subscriptions.listSubscriptions(.init(), metadata: chain.tenant.metadata()).subscriptions
          .first)
      _ = try await chain.tenant.setFutureRequest(subscription.id, quantity: 9)
      try await Self.deliver(orderd)
      #expect(try await Self.backorders(orderd.root).map(\.kind) == ["sale"])
      try await orderd.root.advanceClock(by: "P1M")
      let received = try await Self.backorders(orderd.root)
      #expect(received.map(\.kind) == ["sale", "quantity"])
      #expect(received.last?.quantity == 9)
    }
  }

  @Test(
    "B3: a backorder the parent cannot apply stalls; later ones of the subscription wait; retry applies them in order")
  func stallAndRetry() async throws {
    try await TestOrderd.with { orderd in
      let chain = try await Chain.make(orderd, parentSKUs: [])
      _ = try await chain.tenant.placeOrder(account: chain.customer.id, items: [("SEAT", 2)])
      let subscription = try #require(
        try await chain.tenant.subscriptions.listSubscriptions(.init(), metadata: chain.tenant.metadata()).subscriptions
          .first)
      _ = try await chain.tenant.change(subscription.id) { $0.quantity = 3 }
      try await Self.deliver(orderd)
      var received = try await Self.backorders(orderd.root)
      #expect(received.map(\.status) == ["stalled", "waiting"])
      #expect(received.first?.reason.contains("SEAT") == true)
      #expect(try await orderd.root.notificationTypes().contains("BackorderFailed"))
      _ = try await orderd.root.createProduct(sku: "SEAT", price: "7.00")
      let retried = try await orderd.root.backorders.retryBackorder(
        .with { $0.id = try! #require(received.first).id }, metadata: orderd.root.metadata())
      #expect(retried.status == "applied")
      received = try await Self.backorders(orderd.root)
      #expect(received.map(\.status) == ["applied", "applied"])
      let parentSubscription = try await orderd.root.subscription(try #require(received.first).subscriptionID)
      #expect(parentSubscription.quantity == 3)
    }
  }

  @Test("B4: a parent that is itself a backordering tenant passes the change on: three levels")
  func threeLevels() async throws {
    try await TestOrderd.with { orderd in
      _ = try await orderd.root.createProduct(sku: "SEAT", price: "5.00")
      let (_, middle) = try await orderd.root.createTenant("Distributor")
      _ = try await middle.createProduct(sku: "SEAT", price: "7.00")
      let (_, bottom) = try await middle.createTenant("Reseller")
      _ = try await bottom.createProduct(sku: "SEAT", price: "10.00")
      let customer = try await bottom.createAccount("Customer")
      _ = try await bottom.placeOrder(account: customer.id, items: [("SEAT", 4)])
      try await Self.deliver(orderd)
      #expect(try await Self.backorders(middle).map(\.status) == ["applied"])
      let top = try await Self.backorders(orderd.root)
      #expect(top.map(\.kind) == ["sale"] && top.first?.status == "applied" && top.first?.quantity == 4)
    }
  }

  @Test(
    "B5: with backordering on, a subscription is cancelled only immediately; scheduled cancellations point to auto-renew"
  )
  func onlyImmediateCancellation() async throws {
    try await TestOrderd.with { orderd in
      let chain = try await Chain.make(orderd)
      _ = try await chain.tenant.placeOrder(account: chain.customer.id, items: [("SEAT", 2)])
      let subscription = try #require(
        try await chain.tenant.subscriptions.listSubscriptions(.init(), metadata: chain.tenant.metadata()).subscriptions
          .first)
      do {
        _ = try await chain.tenant.scheduleChange(subscription.id) { $0.cancel = true }
        Issue.record("expected a refusal")
      } catch let error as RPCError {
        #expect(error.message.contains("auto-renew"))
      }
      _ = try await chain.tenant.change(subscription.id) { $0.cancel = true }
    }
  }

  @Test("B6: the parent's watchers receive backorders live")
  func parentWatches() async throws {
    try await TestOrderd.with { orderd in
      let chain = try await Chain.make(orderd)
      let start = try await orderd.root.notifications.listNotifications(.init(), metadata: orderd.root.metadata())
        .lastPosition
      let watcher = Task { try await NotificationStreamTests.watch(orderd.root, after: start, count: 1) }
      _ = try await chain.tenant.placeOrder(account: chain.customer.id, items: [("SEAT", 1)])
      try await Self.deliver(orderd)
      let seen = try await watcher.value
      #expect(seen.first?.type == "BackorderReceived" && seen.first?.subjectKind == "backorder")
    }
  }
}
