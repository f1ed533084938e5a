import Foundation
import GRPCCore
import OrderProtocol
import OrderTesting
import SwiftProtobuf
import Testing

/// Scheduled change orders (H1-H10). The clock starts at 2027-01-01; the subscription is a
/// 12-month term billed monthly, so its term ends on 2028-01-01.
@Suite("Scheduled change orders", .timeLimit(.minutes(5)))
struct ScheduledChangeTests {
  struct Setup {
    var admin: Caller<TestOrderd.Transport>
    var account: Orders_V1_Account
    var subscription: Orders_V1_Subscription

    static func make(_ orderd: TestOrderd, vendor: Orders_V1_Vendor = .microsoft) async throws -> Setup {
      let (_, admin) = try await orderd.root.createTenant("Tenant")
      _ = try await admin.organizations.updateOrganizationSettings(
        .with { $0.backordering = false }, metadata: admin.metadata())
      let account = try await admin.createAccount("Customer")
      _ = try await admin.createProduct(sku: "PRO", price: "20.00") {
        $0.vendor = vendor
        $0.terms = [.p1Y]
      }
      _ = try await admin.createProduct(sku: "BASIC", price: "10.00") {
        $0.vendor = vendor
        $0.upgradesTo = ["PRO"]
        $0.terms = [.p1Y]
      }
      _ = try await admin.placeOrder(account: account.id, items: [("BASIC", 5)])
      let subscription = try #require(
        try await admin.subscriptions.listSubscriptions(.init(), metadata: admin.metadata()).subscriptions.first)
      return Setup(admin: admin, account: account, subscription: subscription)
    }
  }

  @Test("H1, H10: a custom-date change waits in scheduled and executes on its date with its notifications")
  func customDate() async throws {
    try await TestOrderd.with { orderd in
      let setup = try await Setup.make(orderd)
      let scheduled = try await setup.admin.scheduleChange(setup.subscription.id, on: "2027-01-20") {
        $0.quantity = 8
        $0.upgradeTo = "PRO"
      }
      #expect(scheduled.order.status == "scheduled")
      #expect(scheduled.subscription.quantity == 5)
      #expect(try await setup.admin.notificationTypes().contains("OrderScheduled"))
      try await orderd.root.advanceClock(by: "P19D")
      let executed = try await setup.admin.order(scheduled.order.id)
      #expect(executed.status == "completed")
      let after = try await setup.admin.subscription(setup.subscription.id)
      #expect(after.quantity == 8 && after.sku == "PRO")
      let types = try await setup.admin.notificationTypes()
      #expect(types.contains("OnPurchaseNotification") && types.contains("SubscriptionChangeSuccess"))
    }
  }

  @Test("H2: the legacy vendor offers no On Renewal scheduling; Microsoft decreases quantity on renewal only")
  func vendorCapabilities() async throws {
    try await TestOrderd.with { orderd in
      let legacy = try await Setup.make(orderd, vendor: .microsoftLegacy)
      let refused = await statusCode {
        _ = try await legacy.admin.scheduleChange(legacy.subscription.id) { $0.quantity = 7 }
      }
      #expect(refused == .failedPrecondition)
      _ = try await legacy.admin.scheduleChange(legacy.subscription.id, on: "2027-02-01") { $0.quantity = 3 }
      let microsoft = try await Setup.make(orderd)
      let decrease = await statusCode {
        _ = try await microsoft.admin.scheduleChange(microsoft.subscription.id, on: "2027-02-01") { $0.quantity = 3 }
      }
      #expect(decrease == .failedPrecondition)
      let onRenewal = try await microsoft.admin.scheduleChange(microsoft.subscription.id) { $0.quantity = 3 }
      #expect(onRenewal.order.status == "provisionFinished")
    }
  }

  @Test("H3: auto-renew cannot be scheduled")
  func autoRenewNotSchedulable() async throws {
    try await TestOrderd.with { orderd in
      let setup = try await Setup.make(orderd)
      let code = await statusCode {
        _ = try await setup.admin.scheduleChange(setup.subscription.id, on: "2027-02-01") { $0.autoRenew = false }
      }
      #expect(code == .failedPrecondition || code == .invalidArgument)
    }
  }

  @Test("H4: a new change of the same type supersedes the pending one; nothing while an order is in progress")
  func replaceAndInProgress() async throws {
    try await TestOrderd.with { orderd in
      let setup = try await Setup.make(orderd)
      let first = try await setup.admin.scheduleChange(setup.subscription.id, on: "2027-02-01") { $0.quantity = 6 }
      let second = try await setup.admin.scheduleChange(setup.subscription.id, on: "2027-03-01") { $0.quantity = 7 }
      #expect(try await setup.admin.order(first.order.id).status == "superseded")
      #expect(try await setup.admin.notificationTypes().contains("OrderSuperseded"))
      // One of each type may wait at the same time.
      _ = try await setup.admin.scheduleChange(setup.subscription.id) { $0.quantity = 9 }
      #expect(try await setup.admin.scheduledChanges(setup.subscription.id).count == 2)
      #expect(try await setup.admin.order(second.order.id).status == "scheduled")
      // An order in progress blocks scheduling.
      try await setup.admin.setVendorBehavior(sku: "BASIC") { $0.provisioningDelay = "PT1H" }
      let running = try await setup.admin.change(setup.subscription.id) { $0.upgradeTo = "PRO" }
      #expect(running.order.status == "provisioning")
      let blocked = await statusCode {
        _ = try await setup.admin.scheduleChange(setup.subscription.id, on: "2027-04-01") { $0.quantity = 10 }
      }
      #expect(blocked == .failedPrecondition)
    }
  }

  @Test("H5: a custom-date change can be cancelled before it executes; an On Renewal change is replaced, not cancelled")
  func cancelRules() async throws {
    try await TestOrderd.with { orderd in
      let setup = try await Setup.make(orderd)
      let custom = try await setup.admin.scheduleChange(setup.subscription.id, on: "2027-02-01") { $0.quantity = 6 }
      let cancelled = try await setup.admin.orders.cancelOrder(
        .with {
          $0.id = custom.order.id; $0.reason = "no"
        }, metadata: setup.admin.metadata())
      #expect(cancelled.status == "cancelled")
      let renewal = try await setup.admin.scheduleChange(setup.subscription.id) { $0.quantity = 6 }
      let code = await statusCode {
        _ = try await setup.admin.orders.cancelOrder(
          .with {
            $0.id = renewal.order.id; $0.reason = "no"
          }, metadata: setup.admin.metadata())
      }
      #expect(code == .failedPrecondition)
      try await orderd.root.advanceClock(by: "P32D")
      #expect(try await setup.admin.subscription(setup.subscription.id).quantity == 5)
    }
  }

  @Test(
    "H6, H7: on its date the change is re-checked against the subscription as it is then, and the vendor may deny it")
  func recheckAndDenial() async throws {
    try await TestOrderd.with { orderd in
      let setup = try await Setup.make(orderd)
      let stale = try await setup.admin.scheduleChange(setup.subscription.id, on: "2027-02-01") { $0.upgradeTo = "PRO" }
      _ = try await setup.admin.change(setup.subscription.id) { $0.upgradeTo = "PRO" }  // H6: not cancelled by this
      #expect(try await setup.admin.order(stale.order.id).status == "scheduled")
      try await orderd.root.advanceClock(by: "P31D")
      let failed = try await setup.admin.order(stale.order.id)
      #expect(failed.status == "failed")
      #expect(!failed.statusReason.isEmpty)
      let denied = try await setup.admin.scheduleChange(setup.subscription.id, on: "2027-03-01") { $0.quantity = 9 }
      try await setup.admin.setVendorBehavior(sku: "PRO") { $0.denyChanges = true }
      try await orderd.root.advanceClock(by: "P28D")
      let refused = try await setup.admin.order(denied.order.id)
      #expect(refused.status == "failed")
      #expect(refused.statusReason.contains("denied"))
      #expect(try await setup.admin.notificationTypes().contains("SubscriptionChangeError"))
      #expect(try await setup.admin.subscription(setup.subscription.id).quantity == 5)
    }
  }

  @Test(
    "H8, H9, H10: a vendor-side change syncs in as On Renewal by Vendor System and overrides the platform's; listings show every field"
  )
  func vendorSyncAndListing() async throws {
    try await TestOrderd.with { orderd in
      let setup = try await Setup.make(orderd)
      let platform = try await setup.admin.scheduleChange(setup.subscription.id) { $0.quantity = 6 }
      #expect(try await setup.admin.notificationTypes().contains("OrderScheduledChangeSuccess"))
      let custom = try await setup.admin.scheduleChange(setup.subscription.id, on: "2027-01-20") { $0.quantity = 7 }
      let synced = try await setup.admin.subscriptions.syncVendorChange(
        .with {
          $0.subscriptionID = setup.subscription.id
          $0.quantity = 12
        }, metadata: setup.admin.metadata())
      #expect(synced.createdBy == "Vendor System")
      #expect(synced.timing == .onRenewal)
      #expect(synced.vendorSyncStatus == "synced")
      #expect(try await setup.admin.order(platform.order.id).status == "superseded")
      let listed = try await setup.admin.scheduledChanges(setup.subscription.id)
      #expect(listed.map(\.orderNumber) == [custom.order.number, synced.orderNumber])  // by execution date
      let first = try #require(listed.first)
      #expect(
        first.timing == .customDate && first.details.first?.field == "quantity" && first.details.first?.old == "5")
      #expect(
        first.details.first?.new == "7" && first.priceEffect.minorUnits > 0 && first.createdBy.hasPrefix("admin:"))
      let shown = try await setup.admin.subscription(setup.subscription.id)
      #expect(shown.pendingChanges.count == 2)
    }
  }
}
