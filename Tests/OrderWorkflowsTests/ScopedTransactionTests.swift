import Foundation
import OrderDomain
import OrderStorage
import OrderWorkflows
import Testing

/// T6 by construction: every read of ``ScopedTransaction`` (listed below, one expectation or
/// more each) returns a storefront caller nothing of another account.
@Suite("Scoped transactions", .timeLimit(.minutes(1)))
struct ScopedTransactionTests {
  /// Another account's rows of every kind a read can return.
  struct Others: Sendable {
    var account: AccountID
    var order: Order
    var subscription: SubscriptionID
    var asset: AssetID
    var invoice: InvoiceID
    var backorder: BackorderID
  }

  /// Account A with a purchase; account B with a purchase, a future request, a backorder
  /// received from a tenant, and their notifications.
  static func seed(_ org: WorkflowStore) async throws -> (own: AccountID, others: Others) {
    try await org.createCatalog()
    let (a, _) = try await org.customerWithPurchase("A")
    let (b, bought) = try await org.customerWithPurchase("B")
    let now = WorkflowStore.start
    let subscription = try await org.read(as: org.admin) { (scoped: ScopedTransaction) throws in
      try #require(scoped.subscriptions(accountID: b.id).first?.subscription)
    }
    _ = try await org.write(as: org.admin) { (scoped: ScopedTransaction) throws in
      try SetFutureRequest(subscriptionID: subscription.id, quantity: 3, currency: "USD", now: now).run(scoped)
    }
    let tenant = OrganizationID.random()
    let change = BackorderChange(
      sequence: 1, subscriptionID: SubscriptionID("tenant-subscription"), kind: .sale, sku: "SEAT", quantity: 1,
      orderNumber: OrderNumber("SO-000001"), at: now)
    _ = try await org.store.write { tx in
      try BackorderReceipt.receive([change], tenant: tenant, account: b.id, currency: "USD", tx: tx, now: now)
    }
    let others = try await org.read(as: org.admin) { (scoped: ScopedTransaction) throws in
      Others(
        account: b.id, order: bought.order, subscription: subscription.id,
        asset: try #require(scoped.assets(accountID: b.id).first?.id),
        invoice: try #require(scoped.invoices(accountID: b.id).first?.invoice.id),
        backorder: try #require(scoped.backorders(status: nil).first?.id))
    }
    return (a.id, others)
  }

  @Test("T6: an admin sees every account's rows (the seed made one of each)")
  func adminSeesAll() async throws {
    try await WorkflowStore.with { org in
      let (own, others) = try await Self.seed(org)
      try await org.read(as: org.admin) { (scoped: ScopedTransaction) throws in
        #expect(try Set(scoped.accounts().map(\.id)) == [own, others.account])
        #expect(try scoped.order(others.order.number.rawValue) != nil)
        #expect(try scoped.subscriptionDetails(others.subscription).futureRequest?.quantity == 3)
        #expect(try !scoped.feed(of: others.subscription).isEmpty)
        #expect(try scoped.notifications(after: 0, accountID: others.account, limit: 1000).count > 0)
        #expect(try scoped.requireBackorder(others.backorder).accountID == others.account)
      }
    }
  }

  @Test("T6: a storefront principal cannot reach another account's rows through any read")
  func storefrontReachesNothingElse() async throws {
    try await WorkflowStore.with { org in
      let (own, others) = try await Self.seed(org)
      let b = others.account
      try await org.read(as: org.storefront(own)) { (scoped: ScopedTransaction) throws in
        // Accounts: accounts(), account(_:), requireAccount(_:), scope(_:).
        #expect(try scoped.accounts().map(\.id) == [own])
        #expect(try scoped.account(b) == nil)
        #expect(throws: DomainError.notFound("account \(b) not found")) { try scoped.requireAccount(b) }
        #expect(throws: DomainError.notFound("account \(b) not found")) { try scoped.scope(b) }
        #expect(try scoped.scope(nil) == own)

        // Orders: order(_:) by id and by number, requireOrder(_:), orderWithHistory(_:), orders(_:).
        #expect(try scoped.order(others.order.id.rawValue) == nil)
        #expect(try scoped.order(others.order.number.rawValue) == nil)
        #expect(throws: DomainError.self) { try scoped.requireOrder(others.order.number.rawValue) }
        #expect(try scoped.orderWithHistory(others.order.id.rawValue) == nil)
        let listed = try scoped.orders(OrderFilter())
        #expect(!listed.isEmpty && listed.allSatisfy { $0.accountID == own })
        #expect(try scoped.orders(OrderFilter(accountID: b)).isEmpty)
        #expect(try scoped.orders(OrderFilter(subscriptionID: others.subscription)).isEmpty)

        // Subscriptions: subscriptions(accountID:), subscription(_:), requireSubscription(_:),
        // subscriptionDetails(_:) (pending changes, future request), feed(of:).
        let subscriptions = try scoped.subscriptions(accountID: nil)
        #expect(!subscriptions.isEmpty && subscriptions.allSatisfy { $0.subscription.accountID == own })
        #expect(try scoped.subscriptions(accountID: b).isEmpty)
        #expect(try scoped.subscription(others.subscription) == nil)
        #expect(throws: DomainError.self) { try scoped.requireSubscription(others.subscription) }
        #expect(throws: DomainError.self) { try scoped.subscriptionDetails(others.subscription) }
        #expect(throws: DomainError.self) { try scoped.feed(of: others.subscription) }

        // Assets: assets(accountID:), asset(_:), requireAsset(_:).
        let assets = try scoped.assets(accountID: nil)
        #expect(!assets.isEmpty && assets.allSatisfy { $0.accountID == own })
        #expect(try scoped.assets(accountID: b).isEmpty)
        #expect(try scoped.asset(others.asset) == nil)
        #expect(throws: DomainError.self) { try scoped.requireAsset(others.asset) }

        // Invoices: invoices(accountID:), invoice(_:), requireInvoice(_:).
        let invoices = try scoped.invoices(accountID: nil)
        #expect(!invoices.isEmpty && invoices.allSatisfy { $0.invoice.accountID == own })
        #expect(try scoped.invoices(accountID: b).isEmpty)
        #expect(try scoped.invoice(others.invoice) == nil)
        #expect(throws: DomainError.self) { try scoped.requireInvoice(others.invoice) }

        // Notifications: notifications(after:accountID:limit:).
        let entries = try scoped.notifications(after: 0, accountID: nil, limit: 1000)
        #expect(entries.allSatisfy { $0.accountID == own })
        #expect(try scoped.notifications(after: 0, accountID: b, limit: 1000).isEmpty)

        // Backorders: backorders(status:), requireBackorder(_:).
        #expect(try scoped.backorders(status: nil).isEmpty)
        #expect(throws: DomainError.self) { try scoped.requireBackorder(others.backorder) }

        // The organization's own data, the same for every caller: products(),
        // product(sku:), requireProduct(sku:), settings(), vendorBehavior(sku:).
        #expect(try scoped.products().map(\.sku).sorted() == ["AV", "SEAT"])
        #expect(try scoped.product(sku: "SEAT") != nil)
        #expect(try scoped.requireProduct(sku: "AV").sku == "AV")
        _ = try scoped.settings()
        _ = try scoped.vendorBehavior(sku: "SEAT")
      }
    }
  }
}
