import Foundation
import GRPCCore
import OrderProtocol
import OrderTesting
import SwiftProtobuf
import Testing

/// The simulated vendors (C2): denials, provisioning failures and delays set per product.
@Suite("Vendors and provisioning", .timeLimit(.minutes(5)))
struct VendorProvisioningTests {
  @Test("C2: provisioning after the vendor's delay: the order waits in provisioning until the clock passes it")
  func provisioningDelay() async throws {
    try await TestOrderd.with { orderd in
      let admin = orderd.root
      let account = try await admin.createAccount("Customer")
      _ = try await admin.createProduct(sku: "M365") { $0.vendor = .microsoft }
      try await admin.setVendorBehavior(sku: "M365") { $0.provisioningDelay = "PT10M" }
      let order = try await admin.placeOrder(account: account.id, items: [("M365", 3)])
      #expect(order.status == "provisioning")
      let pending = try #require(
        try await admin.subscriptions.listSubscriptions(.init(), metadata: admin.metadata()).subscriptions.first)
      #expect(pending.provisioningStatus == "pending")
      try await admin.advanceClock(by: "PT9M")
      #expect(try await admin.order(order.id).status == "provisioning")
      try await admin.advanceClock(by: "PT1M")
      let done = try await admin.order(order.id)
      #expect(done.status == "completed")
      #expect(done.history.last?.at.date == TestOrderd.start.addingTimeInterval(600))
      #expect(try await admin.subscription(pending.id).provisioningStatus == "synced")
    }
  }

  @Test("C2, O2: a provisioning failure stalls the order for an admin; retry completes it")
  func failOnceThenRetry() async throws {
    try await TestOrderd.with { orderd in
      let admin = orderd.root
      let account = try await admin.createAccount("Customer")
      _ = try await admin.createProduct(sku: "M365") { $0.vendor = .microsoft }
      try await admin.setVendorBehavior(sku: "M365") { $0.failProvisioning = .once }
      let order = try await admin.placeOrder(account: account.id, items: [("M365", 3)])
      #expect(order.status == "provisioningFailed")
      #expect(order.statusReason.contains("simulated failure"))
      #expect(try await admin.notificationTypes().contains("ProvisioningFailed"))
      let retried = try await admin.orders.retryOrder(.with { $0.id = order.number }, metadata: admin.metadata())
      #expect(retried.status == "completed")
      #expect(retried.history.map(\.to).suffix(3) == ["provisioningFailed", "provisioning", "completed"])
      #expect(retried.history.contains { $0.to == "provisioning" && $0.by.hasPrefix("admin:") })
    }
  }

  @Test("O2: an admin cancels a stalled order; what it created is withdrawn")
  func cancelStalled() async throws {
    try await TestOrderd.with { orderd in
      let admin = orderd.root
      let account = try await admin.createAccount("Customer")
      _ = try await admin.createProduct(sku: "M365") { $0.vendor = .microsoft }
      try await admin.setVendorBehavior(sku: "M365") { $0.failProvisioning = .always }
      let order = try await admin.placeOrder(account: account.id, items: [("M365", 1)])
      let retried = try await admin.orders.retryOrder(.with { $0.id = order.id }, metadata: admin.metadata())
      #expect(retried.status == "provisioningFailed")
      let noReason = await statusCode {
        _ = try await admin.orders.cancelOrder(.with { $0.id = order.id }, metadata: admin.metadata())
      }
      #expect(noReason == .invalidArgument)
      let cancelled = try await admin.orders.cancelOrder(
        .with {
          $0.id = order.id
          $0.reason = "vendor cannot provision"
        }, metadata: admin.metadata())
      #expect(cancelled.status == "cancelled")
      #expect(cancelled.statusReason == "vendor cannot provision")
      let subscription = try #require(
        try await admin.subscriptions.listSubscriptions(.init(), metadata: admin.metadata()).subscriptions.first)
      #expect(subscription.status == "cancelled")
      #expect(try await admin.invoices.listInvoices(.init(), metadata: admin.metadata()).invoices.isEmpty)
    }
  }

  @Test("C2: a vendor that denies changes fails the change order with SubscriptionChangeError")
  func vendorDeniesChange() async throws {
    try await TestOrderd.with { orderd in
      let admin = orderd.root
      let account = try await admin.createAccount("Customer")
      _ = try await admin.createProduct(sku: "M365") { $0.vendor = .microsoft }
      _ = try await admin.placeOrder(account: account.id, items: [("M365", 3)])
      let subscription = try #require(
        try await admin.subscriptions.listSubscriptions(.init(), metadata: admin.metadata()).subscriptions.first)
      try await admin.setVendorBehavior(sku: "M365") { $0.denyChanges = true }
      let response = try await admin.change(subscription.id) { $0.quantity = 4 }
      #expect(response.order.status == "failed")
      #expect(response.order.statusReason.contains("denied"))
      #expect(response.subscription.quantity == 3)
      #expect(!response.hasInvoice)
      #expect(try await admin.notificationTypes().contains("SubscriptionChangeError"))
    }
  }

  @Test("C2: vendor behaviour is set per product of the caller's own catalog")
  func behaviourIsPerProduct() async throws {
    try await TestOrderd.with { orderd in
      let admin = orderd.root
      _ = try await admin.createProduct(sku: "M365")
      let unknown = await statusCode { try await admin.setVendorBehavior(sku: "NOPE") { $0.denyChanges = true } }
      #expect(unknown == .notFound)
      let badDelay = await statusCode {
        try await admin.setVendorBehavior(sku: "M365") { $0.provisioningDelay = "soon" }
      }
      #expect(badDelay == .invalidArgument)
      try await admin.setVendorBehavior(sku: "M365") {
        $0.failProvisioning = .always
        $0.provisioningDelay = "PT30S"
      }
      let shown = try await admin.vendors.getVendorBehavior(.with { $0.sku = "M365" }, metadata: admin.metadata())
      #expect(shown.failProvisioning == .always)
      #expect(shown.provisioningDelay == "PT30S")
      let (_, tenant) = try await orderd.root.createTenant("Tenant")
      let elsewhere = await statusCode {
        _ = try await tenant.vendors.getVendorBehavior(.with { $0.sku = "M365" }, metadata: tenant.metadata())
      }
      #expect(elsewhere == .notFound)
    }
  }
}
