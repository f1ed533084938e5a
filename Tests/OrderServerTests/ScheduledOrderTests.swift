import Foundation
import GRPCCore
import OrderProtocol
import OrderTesting
import SwiftProtobuf
import Testing

/// Scheduled sales orders (S1-S5). The clock starts at 2027-01-01.
@Suite("Scheduled purchases", .timeLimit(.minutes(5)))
struct ScheduledOrderTests {
  struct Shop {
    var admin: Caller<TestOrderd.Transport>
    var customer: Orders_V1_Account

    static func make(_ orderd: TestOrderd) async throws -> Shop {
      let (_, admin) = try await orderd.root.createTenant("Tenant")
      let customer = try await admin.createAccount("Customer")
      _ = try await admin.createProduct(sku: "PRO", price: "20.00")
      _ = try await admin.createProduct(sku: "BASE", price: "10.00") { $0.upgradesTo = ["PRO"] }
      _ = try await admin.createProduct(sku: "ADDON", kind: .addon, price: "2.00") { $0.addonOf = "BASE" }
      _ = try await admin.createProduct(sku: "TRIAL", kind: .trial, price: "0.00") {
        $0.upgradesTo = ["BASE"]
        $0.maxQuantity = 5
      }
      _ = try await admin.createProduct(sku: "MANUAL", price: "5.00") { _ in }
      _ = try await admin.createProduct(sku: "ASSET", kind: .asset, price: "100.00")
      _ = try await admin.createProduct(sku: "ONEOFF", kind: .oneOff, price: "50.00")
      return Shop(admin: admin, customer: customer)
    }
  }

  @Test("S1, S4: a purchase scheduled for a date executes at the start of that day and creates the subscription")
  func scheduledThenExecuted() async throws {
    try await TestOrderd.with { orderd in
      let shop = try await Shop.make(orderd)
      let order = try await shop.admin.schedule(
        account: shop.customer.id, items: [("BASE", 3), ("ADDON", 2), ("ASSET", 1), ("ONEOFF", 1)], on: "2027-03-01")
      #expect(order.status == "scheduled")
      #expect(order.scheduledFor.date == Date(timeIntervalSince1970: 1_803_859_200))  // 2027-03-01T00:00Z
      #expect(
        try await shop.admin.subscriptions.listSubscriptions(.init(), metadata: shop.admin.metadata()).subscriptions
          .isEmpty)
      try await orderd.root.advanceClock(by: "P59D")  // 2027-03-01
      let executed = try await shop.admin.order(order.id)
      #expect(executed.status == "completed")
      #expect(executed.history.map(\.to) == ["scheduled", "executing", "provisioning", "completed"])
      #expect(executed.history[1].at.date == order.scheduledFor.date)
      let subscriptions = try await shop.admin.subscriptions.listSubscriptions(.init(), metadata: shop.admin.metadata())
        .subscriptions
      #expect(Set(subscriptions.map(\.sku)) == ["BASE", "ADDON"])
      #expect(subscriptions.allSatisfy { $0.startDate.date == order.scheduledFor.date })
      #expect(try await shop.admin.invoices().count == 1)
    }
  }

  @Test("S1: a date that is not in the future is refused; so is one beyond the organization's horizon")
  func dateRules() async throws {
    try await TestOrderd.with { orderd in
      let shop = try await Shop.make(orderd)
      for date in ["2027-01-01", "2026-12-31", "2028-01-02", "someday"] {
        let code = await statusCode {
          _ = try await shop.admin.schedule(account: shop.customer.id, items: [("BASE", 1)], on: date)
        }
        #expect(code == .invalidArgument, "\(date)")
      }
      _ = try await shop.admin.schedule(account: shop.customer.id, items: [("BASE", 1)], on: "2027-12-31")
      _ = try await shop.admin.organizations.updateOrganizationSettings(
        .with { $0.scheduleHorizonDays = 30 }, metadata: shop.admin.metadata())
      let code = await statusCode {
        _ = try await shop.admin.schedule(account: shop.customer.id, items: [("BASE", 1)], on: "2027-03-01")
      }
      #expect(code == .invalidArgument)
    }
  }

  @Test(
    "S2: the whole order is refused, naming every offending item: trial, add-on of an existing subscription, not provisioned automatically"
  )
  func itemKindsRefused() async throws {
    try await TestOrderd.with { orderd in
      let shop = try await Shop.make(orderd)
      _ = try await shop.admin.catalog.createProduct(
        .with {
          $0.product = .with {
            $0.sku = "HANDS-ON"; $0.name = "Hands-on"; $0.kind = .subscription
          }
          $0.price = "5.00"
          $0.manualProvisioning = true
        }, metadata: shop.admin.metadata())
      _ = try await shop.admin.placeOrder(account: shop.customer.id, items: [("BASE", 1)])
      do {
        _ = try await shop.admin.schedule(
          account: shop.customer.id, items: [("TRIAL", 1), ("ADDON", 1), ("HANDS-ON", 1)], on: "2027-02-01")
        Issue.record("expected INVALID_ARGUMENT")
      } catch let error as RPCError {
        #expect(error.code == .invalidArgument)
        // S2: is a trial.
        #expect(error.message.contains("TRIAL") && error.message.contains("trial"))
        // S2: is an add-on of an existing subscription.
        #expect(error.message.contains("ADDON") && error.message.contains("existing"))
        // S2: is not provisioned automatically.
        #expect(error.message.contains("HANDS-ON") && error.message.contains("automatically"))
      }
      #expect(
        try await shop.admin.orders.listOrders(.with { $0.status = "scheduled" }, metadata: shop.admin.metadata())
          .orders.isEmpty)
    }
  }

  @Test("S2: items that increase or upgrade existing subscriptions, add-ons or trials cannot be scheduled")
  func changeItemsRefused() async throws {
    try await TestOrderd.with { orderd in
      let shop = try await Shop.make(orderd)
      _ = try await shop.admin.placeOrder(account: shop.customer.id, items: [("BASE", 1), ("ADDON", 1), ("TRIAL", 1)])
      let subscriptions = try await shop.admin.subscriptions.listSubscriptions(.init(), metadata: shop.admin.metadata())
        .subscriptions
      let base = try #require(subscriptions.first { $0.sku == "BASE" })
      let addon = try #require(subscriptions.first { $0.sku == "ADDON" })
      let trial = try #require(subscriptions.first { $0.sku == "TRIAL" })
      do {
        _ = try await shop.admin.orders.placeOrder(
          .with {
            $0.accountID = shop.customer.id
            $0.scheduledFor = "2027-02-01"
            $0.items = [
              .with {
                $0.sku = "BASE"; $0.quantity = 5; $0.subscriptionID = base.id
              },  // increases a subscription's quantity
              .with {
                $0.sku = "ADDON"; $0.quantity = 3; $0.subscriptionID = addon.id
              },  // increases an add-on's quantity
              .with {
                $0.sku = "PRO"; $0.quantity = 1; $0.subscriptionID = base.id
              },  // upgrades a subscription
              .with {
                $0.sku = "BASE"; $0.quantity = 1; $0.subscriptionID = trial.id
              },  // upgrades a trial to paid
            ]
          }, metadata: shop.admin.metadata())
        Issue.record("expected INVALID_ARGUMENT")
      } catch let error as RPCError {
        #expect(error.code == .invalidArgument)
        #expect(error.message.contains("item 1") && error.message.contains("increases the quantity of subscription"))
        #expect(error.message.contains("item 2") && error.message.contains("increases the quantity of add-on"))
        #expect(error.message.contains("item 3") && error.message.contains("upgrades subscription"))
        #expect(error.message.contains("item 4") && error.message.contains("upgrades trial"))
      }
    }
  }

  @Test("S3: orders of a standard reseller or its customers cannot be scheduled")
  func resellersCannotSchedule() async throws {
    try await TestOrderd.with { orderd in
      let shop = try await Shop.make(orderd)
      let reseller = try await shop.admin.createAccount("Reseller", kind: .reseller)
      let theirs = try await shop.admin.createAccount("Reseller's customer", reseller: reseller.id)
      for account in [reseller.id, theirs.id] {
        let code = await statusCode {
          _ = try await shop.admin.schedule(account: account, items: [("BASE", 1)], on: "2027-02-01")
        }
        #expect(code == .failedPrecondition)
      }
      // S3: customers of the root, tenant and country tenant organizations may.
      let (_, country) = try await orderd.root.createTenant("Country", kind: .countryTenant)
      let customer = try await country.createAccount("Customer")
      _ = try await country.createProduct(sku: "BASE")
      _ = try await country.schedule(account: customer.id, items: [("BASE", 1)], on: "2027-02-01")
      let rootCustomer = try await orderd.root.createAccount("Root's customer")
      _ = try await orderd.root.createProduct(sku: "BASE")
      _ = try await orderd.root.schedule(account: rootCustomer.id, items: [("BASE", 1)], on: "2027-02-01")
    }
  }

  @Test(
    "S4: on its date the order is validated again; one no longer valid fails with its reason and an error notification")
  func revalidatedOnItsDate() async throws {
    try await TestOrderd.with { orderd in
      let shop = try await Shop.make(orderd)
      _ = try await shop.admin.createProduct(sku: "SHORT", price: "1.00") { $0.maxQuantity = 3 }
      let order = try await shop.admin.schedule(account: shop.customer.id, items: [("SHORT", 3)], on: "2027-02-01")
      try await shop.admin.setVendorBehavior(sku: "SHORT") { $0.failProvisioning = .always }
      try await orderd.root.advanceClock(by: "P31D")
      let stalled = try await shop.admin.order(order.id)
      #expect(stalled.status == "provisioningFailed")
      #expect(try await shop.admin.notificationTypes().contains("ProvisioningFailed"))
    }
  }

  @Test("S5: scheduled orders are listed by execution date and can be cancelled before they execute; history stays")
  func listAndCancel() async throws {
    try await TestOrderd.with { orderd in
      let shop = try await Shop.make(orderd)
      let late = try await shop.admin.schedule(account: shop.customer.id, items: [("BASE", 1)], on: "2027-05-01")
      let early = try await shop.admin.schedule(account: shop.customer.id, items: [("BASE", 2)], on: "2027-02-01")
      let middle = try await shop.admin.schedule(account: shop.customer.id, items: [("BASE", 3)], on: "2027-03-01")
      let listed = try await shop.admin.orders.listOrders(
        .with { $0.status = "scheduled" }, metadata: shop.admin.metadata())
      #expect(listed.orders.map(\.number) == [early.number, middle.number, late.number])
      let storefront = try await shop.admin.storefront(for: shop.customer.id)
      let cancelled = try await storefront.orders.cancelOrder(
        .with {
          $0.id = middle.number
          $0.reason = "not needed"
        }, metadata: storefront.metadata())
      #expect(cancelled.status == "cancelled")
      try await orderd.root.advanceClock(by: "P120D")
      #expect(try await shop.admin.order(early.id).status == "completed")
      #expect(try await shop.admin.order(middle.id).status == "cancelled")
      #expect(try await shop.admin.order(late.id).status == "completed")
      let cancelAfter = await statusCode {
        _ = try await shop.admin.orders.cancelOrder(
          .with {
            $0.id = early.id; $0.reason = "late"
          }, metadata: shop.admin.metadata())
      }
      #expect(cancelAfter == .failedPrecondition)
      #expect(try await shop.admin.orders.listOrders(.init(), metadata: shop.admin.metadata()).orders.count >= 3)
    }
  }

  @Test("a dry run prices the order and changes nothing")
  func dryRun() async throws {
    try await TestOrderd.with { orderd in
      let shop = try await Shop.make(orderd)
      let estimate = try await shop.admin.schedule(
        account: shop.customer.id, items: [("BASE", 4)], on: "2027-02-01", dryRun: true)
      #expect(estimate.total.minorUnits == 4000)
      #expect(estimate.number.isEmpty)
      #expect(try await shop.admin.orders.listOrders(.init(), metadata: shop.admin.metadata()).orders.isEmpty)
    }
  }
}
