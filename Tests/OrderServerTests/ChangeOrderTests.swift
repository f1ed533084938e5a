import Foundation
import GRPCCore
import OrderProtocol
import OrderTesting
import SwiftProtobuf
import Testing

/// Immediate changes of subscriptions: the action picks the order type, amounts are signed
/// and prorated to the day.
@Suite("Immediate change orders", .timeLimit(.minutes(5)))
struct ChangeOrderTests {
  /// A tenant with a customer owning 5 × BASIC (10.00/month) bought on 2027-01-01, and PRO
  /// (20.00) as its upgrade; the clock moved 10 days on (21 of 31 days left).
  struct Setup {
    var admin: Caller<TestOrderd.Transport>
    var account: Orders_V1_Account
    var subscription: Orders_V1_Subscription

    static func make(_ orderd: TestOrderd, term: Orders_V1_Term = .p1M) async throws -> Setup {
      let (_, admin) = try await orderd.root.createTenant("Tenant")
      let account = try await admin.createAccount("Customer")
      _ = try await admin.createProduct(sku: "PRO", price: "20.00") { $0.terms = [.p1M, .p1Y] }
      _ = try await admin.createProduct(sku: "BASIC", price: "10.00") {
        $0.upgradesTo = ["PRO"]
        $0.terms = [.p1M, .p1Y]
        $0.maxQuantity = 50
      }
      _ = try await admin.orders.placeOrder(
        .with {
          $0.accountID = account.id
          $0.items = [
            .with {
              $0.sku = "BASIC"; $0.quantity = 5; $0.term = term
            }
          ]
        }, metadata: admin.metadata())
      try await orderd.root.advanceClock(by: "P10D")
      let subscription = try #require(
        try await admin.subscriptions.listSubscriptions(.init(), metadata: admin.metadata()).subscriptions.first)
      return Setup(admin: admin, account: account, subscription: subscription)
    }
  }

  @Test("O1, O5, C1: a quantity increase is a CH with a positive amount prorated to the day, invoiced")
  func quantityIncrease() async throws {
    try await TestOrderd.with { orderd in
      let setup = try await Setup.make(orderd)
      let response = try await setup.admin.change(setup.subscription.id) { $0.quantity = 10 }
      #expect(response.order.type == .ch)
      #expect(response.order.status == "completed")
      #expect(response.subscription.quantity == 10)
      // 5 more units for 21 of 31 days: 67.74 charged for 10, 33.87 credited for 5.
      #expect(response.order.total.minorUnits == 6774 - 3387)
      #expect(response.invoice.total == response.order.total)
      #expect(response.invoice.lines.count == 2)
      #expect(response.invoice.lines.reduce(0) { $0 + $1.amount.minorUnits } == response.invoice.total.minorUnits)
      let invoices = try await setup.admin.invoices.listInvoices(.init(), metadata: setup.admin.metadata()).invoices
      #expect(invoices.count == 2)  // the purchase and the change
    }
  }

  @Test("O5, C1: a quantity decrease is a CH with a negative amount (a credit)")
  func quantityDecrease() async throws {
    try await TestOrderd.with { orderd in
      let setup = try await Setup.make(orderd)
      let response = try await setup.admin.change(setup.subscription.id) { $0.quantity = 2 }
      #expect(response.order.type == .ch)
      #expect(response.order.total.minorUnits < 0)
      #expect(response.order.total.minorUnits == 1355 - 3387)  // 2 units for 21/31 days minus 5 units
      #expect(response.subscription.quantity == 2)
    }
  }

  @Test("C1: an upgrade to an allowed offer charges the prorated difference; other SKUs are refused")
  func upgrade() async throws {
    try await TestOrderd.with { orderd in
      let setup = try await Setup.make(orderd)
      let refused = await statusCode {
        _ = try await setup.admin.change(setup.subscription.id) { $0.upgradeTo = "NOPE" }
      }
      #expect(refused == .invalidArgument || refused == .failedPrecondition)
      let response = try await setup.admin.change(setup.subscription.id) { $0.upgradeTo = "PRO" }
      #expect(response.subscription.sku == "PRO")
      #expect(response.order.type == .ch)
      #expect(response.order.total.minorUnits == 6774 - 3387)  // (20.00 - 10.00) × 5 × 21/31
      #expect(response.invoice.lines.contains { $0.sku == "PRO" })
    }
  }

  @Test("C1: quantity limits hold for changes too, and nothing changes")
  func limits() async throws {
    try await TestOrderd.with { orderd in
      let setup = try await Setup.make(orderd)
      let code = await statusCode { _ = try await setup.admin.change(setup.subscription.id) { $0.quantity = 51 } }
      #expect(code == .invalidArgument)
      #expect(try await setup.admin.subscription(setup.subscription.id).quantity == 5)
      let nothing = await statusCode { _ = try await setup.admin.change(setup.subscription.id) { _ in } }
      #expect(nothing == .invalidArgument)
    }
  }

  @Test("O1: an immediate cancellation with unused prepaid days is a CL refund")
  func cancellationRefund() async throws {
    try await TestOrderd.with { orderd in
      let setup = try await Setup.make(orderd)
      let response = try await setup.admin.change(setup.subscription.id) { $0.cancel = true }
      #expect(response.order.type == .cl)
      #expect(response.order.total.minorUnits == -3387)
      #expect(response.subscription.status == "cancelled")
      let again = await statusCode { _ = try await setup.admin.change(setup.subscription.id) { $0.quantity = 3 } }
      #expect(again == .failedPrecondition)
    }
  }

  @Test("O1: cancelling early in an annual term owes a cancellation fee: a CF")
  func cancellationCharge() async throws {
    try await TestOrderd.with { orderd in
      let setup = try await Setup.make(orderd, term: .p1Y)
      let response = try await setup.admin.change(setup.subscription.id) { $0.cancel = true }
      #expect(response.order.type == .cf)
      #expect(response.order.total.minorUnits > 0)
    }
  }

  @Test("auto-renew is a setting: switched now, no order, recorded in the notifications")
  func autoRenew() async throws {
    try await TestOrderd.with { orderd in
      let setup = try await Setup.make(orderd)
      let response = try await setup.admin.change(setup.subscription.id) { $0.autoRenew = false }
      #expect(!response.hasOrder)
      #expect(!response.subscription.autoRenew)
      #expect(try await setup.admin.notificationTypes().contains("SubscriptionChanged"))
    }
  }

  @Test("O1: a resynchronisation that needs provisioning is an RC of zero amount")
  func resync() async throws {
    try await TestOrderd.with { orderd in
      let setup = try await Setup.make(orderd)
      let response = try await setup.admin.subscriptions.resyncSubscription(
        .with { $0.id = setup.subscription.id }, metadata: setup.admin.metadata())
      #expect(response.order.type == .rc)
      #expect(response.order.total.minorUnits == 0)
      #expect(response.order.status == "completed")
      #expect(!response.hasInvoice)
    }
  }

  @Test("only one order per subscription in progress: a second is refused naming the first")
  func oneOrderInProgress() async throws {
    try await TestOrderd.with { orderd in
      let setup = try await Setup.make(orderd)
      try await setup.admin.setVendorBehavior(sku: "BASIC") { $0.provisioningDelay = "PT1H" }
      let first = try await setup.admin.change(setup.subscription.id) { $0.quantity = 6 }
      #expect(first.order.status == "provisioning")
      do {
        _ = try await setup.admin.change(setup.subscription.id) { $0.quantity = 7 }
        Issue.record("expected FAILED_PRECONDITION")
      } catch let error as RPCError {
        #expect(error.code == .failedPrecondition)
        #expect(error.message.contains(first.order.number))
      }
      // After the vendor's delay the first completes and the subscription moves on.
      try await orderd.root.advanceClock(by: "PT1H")
      #expect(try await setup.admin.order(first.order.id).status == "completed")
      #expect(try await setup.admin.subscription(setup.subscription.id).quantity == 6)
      _ = try await setup.admin.change(setup.subscription.id) { $0.quantity = 7 }
    }
  }

  @Test("a storefront user changes only their own account's subscriptions")
  func storefrontScope() async throws {
    try await TestOrderd.with { orderd in
      let setup = try await Setup.make(orderd)
      let own = try await setup.admin.storefront(for: setup.account.id)
      let changed = try await own.change(setup.subscription.id) { $0.quantity = 6 }
      #expect(changed.order.history.first?.by == "storefront:\(setup.account.id)")
      let other = try await setup.admin.createAccount("Other")
      let theirs = try await setup.admin.storefront(for: other.id)
      let code = await statusCode { _ = try await theirs.change(setup.subscription.id) { $0.quantity = 8 } }
      #expect(code == .notFound)
    }
  }
}
