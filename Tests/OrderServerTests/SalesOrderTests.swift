import Foundation
import GRPCCore
import OrderProtocol
import OrderTesting
import SwiftProtobuf
import Testing

@Suite("Sales orders placed now", .timeLimit(.minutes(5)))
struct SalesOrderTests {
  @Test("O1, O6: placing an order makes a completed SO with a readable number and creates the subscription")
  func placeCreatesSubscription() async throws {
    try await TestOrderd.with { orderd in
      let (_, admin) = try await orderd.root.createTenant("Tenant")
      let account = try await admin.createAccount("Customer")
      _ = try await admin.createProduct(sku: "M365-E3", price: "32.00") {
        $0.billingCycles = [.monthly, .annual]
        $0.terms = [.p1M, .p1Y]
      }
      let order = try await admin.placeOrder(account: account.id, items: [("M365-E3", 5)])
      #expect(order.type == .so)
      #expect(order.number == "SO-000001")
      #expect(order.status == "completed")
      #expect(order.total.minorUnits == 16_000)
      #expect(order.total.currency == "USD")
      #expect(order.history.map(\.to) == ["executing", "provisioning", "completed"])
      let second = try await admin.placeOrder(account: account.id, items: [("M365-E3", 1)])
      #expect(second.number == "SO-000002")

      let subscriptions = try await admin.subscriptions.listSubscriptions(
        .with { $0.accountID = account.id }, metadata: admin.metadata()
      ).subscriptions
      let subscription = try #require(subscriptions.first { $0.orderID == order.id })
      #expect(subscription.quantity == 5)
      #expect(subscription.status == "active")
      #expect(subscription.billingCycle == .monthly)
      #expect(subscription.startDate.date == TestOrderd.start)
      #expect(subscription.currentPeriodEnd.date == Date(timeIntervalSince1970: 1_801_440_000))  // 2027-02-01
      let shown = try await admin.orders.getOrder(.with { $0.id = "SO-000001" }, metadata: admin.metadata())
      #expect(shown.id == order.id)
    }
  }

  @Test("C1: an order breaking the catalog's rules is refused whole, naming every offending item")
  func catalogRulesEnforced() async throws {
    try await TestOrderd.with { orderd in
      let (_, admin) = try await orderd.root.createTenant("Tenant")
      let account = try await admin.createAccount("Customer")
      _ = try await admin.createProduct(sku: "BASE") { $0.maxQuantity = 10 }
      _ = try await admin.createProduct(sku: "ADDON", kind: .addon) { $0.addonOf = "BASE" }
      do {
        _ = try await admin.placeOrder(account: account.id, items: [("BASE", 11), ("NOPE", 1), ("ADDON", 1)])
        Issue.record("expected INVALID_ARGUMENT")
      } catch let error as RPCError {
        #expect(error.code == .invalidArgument)
        #expect(error.message.contains("BASE"))
        #expect(error.message.contains("NOPE"))
        #expect(error.message.contains("ADDON"))
      }
      #expect(try await admin.orders.listOrders(.init(), metadata: admin.metadata()).orders.isEmpty)
      // The add-on is accepted with its base in the same order.
      let order = try await admin.placeOrder(account: account.id, items: [("BASE", 2), ("ADDON", 2)])
      let subscriptions = try await admin.subscriptions.listSubscriptions(.init(), metadata: admin.metadata())
        .subscriptions
      let base = try #require(subscriptions.first { $0.sku == "BASE" })
      let addon = try #require(subscriptions.first { $0.sku == "ADDON" })
      #expect(addon.parentSubscriptionID == base.id)
      #expect(order.status == "completed")
    }
  }

  @Test("A1: buying an asset product creates an asset record")
  func assetCreated() async throws {
    try await TestOrderd.with { orderd in
      let account = try await orderd.root.createAccount("Customer")
      _ = try await orderd.root.createProduct(sku: "ADOBE-CC", name: "Creative Cloud", kind: .asset, price: "600.00")
      let order = try await orderd.root.placeOrder(account: account.id, items: [("ADOBE-CC", 1)])
      let assets = try await orderd.root.subscriptions.listAssets(.init(), metadata: orderd.root.metadata()).assets
      let asset = try #require(assets.first)
      #expect(asset.name == "Creative Cloud")
      #expect(asset.status == "active")
      #expect(asset.orderID == order.id)
      #expect(asset.purchaseDate.date == TestOrderd.start)
    }
  }

  @Test("C1: products are validated when created, with defaults for unset fields")
  func productValidation() async throws {
    try await TestOrderd.with { orderd in
      let admin = orderd.root
      let product = try await admin.createProduct(sku: "DEFAULTS", price: "1.50")
      #expect(product.vendor == .generic)
      #expect(product.pricing == .prepaidRecurring)
      #expect(product.billingCycles == [.monthly])
      #expect(product.minQuantity == 1)
      #expect(product.autoProvisioned)
      #expect(product.unitPrice.minorUnits == 150)
      let duplicate = await statusCode { _ = try await admin.createProduct(sku: "DEFAULTS") }
      #expect(duplicate == .alreadyExists)
      let badPrice = await statusCode { _ = try await admin.createProduct(sku: "P", price: "1.505") }
      #expect(badPrice == .invalidArgument)
      let badLimits = await statusCode {
        _ = try await admin.createProduct(sku: "Q") {
          $0.minQuantity = 5; $0.maxQuantity = 2
        }
      }
      #expect(badLimits == .invalidArgument)
      let orphanAddon = await statusCode {
        _ = try await admin.createProduct(sku: "R", kind: .addon) { $0.addonOf = "MISSING" }
      }
      #expect(orphanAddon == .invalidArgument)
    }
  }
}
