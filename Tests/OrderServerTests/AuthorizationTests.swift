import GRPCCore
import OrderProtocol
import OrderTesting
import SwiftProtobuf
import Testing

/// T3, T6: every method of the API against no key, an unknown key, a revoked key, a
/// storefront key, the caller's own organization, another organization, and a storefront
/// key of another account.
@Suite("Authorization of every method", .timeLimit(.minutes(5)))
struct AuthorizationTests {
  /// Methods that need an admin key; the rest accept storefront keys (scoped to their account).
  static let adminOnly: Set<String> = [
    "orders.v1.OrganizationService/CreateOrganization", "orders.v1.KeyService/CreateKey",
    "orders.v1.KeyService/RevokeKey", "orders.v1.KeyService/ListKeys", "orders.v1.AccountService/CreateAccount",
    "orders.v1.CatalogService/CreateProduct", "orders.v1.ClockService/AdvanceClock",
    "orders.v1.OrderService/RetryOrder", "orders.v1.InvoiceService/PayInvoice",
    "orders.v1.VendorService/SetVendorBehavior", "orders.v1.VendorService/GetVendorBehavior",
    "orders.v1.OrganizationService/GetOrganizationSettings", "orders.v1.OrganizationService/UpdateOrganizationSettings",
    "orders.v1.SubscriptionService/SyncVendorChange", "orders.v1.BackorderService/ListBackorders",
    "orders.v1.BackorderService/GetBackorder", "orders.v1.BackorderService/RetryBackorder",
  ]

  @Test("T6: no key, an unknown key and a revoked key get UNAUTHENTICATED on every method")
  func unauthenticated() async throws {
    try await TestOrderd.with { orderd in
      let (_, admin) = try await orderd.root.createTenant("Tenant")
      let doomed = try await admin.keys.createKey(.with { $0.role = .admin }, metadata: admin.metadata())
      _ = try await admin.keys.revokeKey(.with { $0.id = doomed.key.id }, metadata: admin.metadata())
      let callers = [
        ("no key", orderd.caller(nil)),
        ("unknown key", orderd.caller("odk_0000000000000000_" + String(repeating: "0", count: 64))),
        ("garbage", orderd.caller("not-a-key")),
        ("revoked key", orderd.caller(doomed.secret)),
      ]
      for method in Caller<TestOrderd.Transport>.allMethods {
        for (label, caller) in callers {
          let code = await statusCode { try await caller.rawUnary(method) }
          #expect(code == .unauthenticated, "\(method) with \(label)")
        }
      }
    }
  }

  @Test("T3, T6: storefront keys get PERMISSION_DENIED on admin methods and are let through elsewhere")
  func storefrontRoles() async throws {
    try await TestOrderd.with { orderd in
      let (_, admin) = try await orderd.root.createTenant("Tenant")
      let account = try await admin.createAccount("Customer")
      let storefront = try await admin.storefront(for: account.id)
      for method in Caller<TestOrderd.Transport>.allMethods {
        let code = await statusCode { try await storefront.rawUnary(method) }
        if Self.adminOnly.contains(method.fullyQualifiedMethod) {
          #expect(code == .permissionDenied, "\(method)")
        } else {
          #expect(
            code != .permissionDenied && code != .unauthenticated && code != .unimplemented,
            "\(method): \(String(describing: code))")
        }
      }
    }
  }

  @Test("T3: an admin key reaches every method of its own organization; only root admins move the clock")
  func adminRoles() async throws {
    try await TestOrderd.with { orderd in
      let (_, admin) = try await orderd.root.createTenant("Tenant")
      for method in Caller<TestOrderd.Transport>.allMethods {
        let code = await statusCode { try await admin.rawUnary(method) }
        if method.fullyQualifiedMethod == "orders.v1.ClockService/AdvanceClock" {
          #expect(code == .permissionDenied)
        } else {
          // Empty requests may be invalid, but never refused for who is calling.
          #expect(
            code != .permissionDenied && code != .unauthenticated && code != .unimplemented,
            "\(method): \(String(describing: code))")
        }
      }
      let rootCode = await statusCode {
        try await orderd.root.rawUnary(
          Orders_V1_ClockService.Method.AdvanceClock.descriptor,
          bytes: try Orders_V1_AdvanceClockRequest.with { $0.by = "P1D" }.serializedBytes())
      }
      #expect(rootCode == nil)
    }
  }

  @Test("T6: another organization's objects answer NOT_FOUND, as if they did not exist")
  func anotherOrganization() async throws {
    try await TestOrderd.with { orderd in
      let world = try await World.make(orderd)
      let other = world.otherAdmin
      let md = other.metadata()
      #expect(
        await statusCode { _ = try await other.accounts.getAccount(.with { $0.id = world.account.id }, metadata: md) }
          == .notFound)
      #expect(
        await statusCode { _ = try await other.orders.getOrder(.with { $0.id = world.order.id }, metadata: md) }
          == .notFound)
      #expect(
        await statusCode { _ = try await other.orders.getOrder(.with { $0.id = world.order.number }, metadata: md) }
          == .notFound)
      #expect(
        await statusCode {
          _ = try await other.subscriptions.getSubscription(.with { $0.id = world.subscription.id }, metadata: md)
        } == .notFound)
      #expect(
        await statusCode { _ = try await other.subscriptions.getAsset(.with { $0.id = world.asset.id }, metadata: md) }
          == .notFound)
      #expect(
        await statusCode { _ = try await other.catalog.getProduct(.with { $0.sku = "SUB-1" }, metadata: md) }
          == .notFound)
      #expect(
        await statusCode {
          _ = try await other.organizations.getOrganization(.with { $0.id = world.tenant.id }, metadata: md)
        } == .notFound)
      #expect(
        await statusCode { _ = try await other.keys.revokeKey(.with { $0.id = world.storefrontKeyID }, metadata: md) }
          == .notFound)
      #expect(await statusCode { _ = try await other.storefront(for: world.account.id) } == .notFound)
      #expect(
        await statusCode { _ = try await other.placeOrder(account: world.account.id, items: [("SUB-1", 1)]) }
          == .notFound)
      // Listings show nothing of the other organization.
      #expect(try await other.accounts.listAccounts(.init(), metadata: md).accounts.isEmpty)
      #expect(try await other.orders.listOrders(.init(), metadata: md).orders.isEmpty)
      #expect(try await other.subscriptions.listSubscriptions(.init(), metadata: md).subscriptions.isEmpty)
      #expect(try await other.subscriptions.listAssets(.init(), metadata: md).assets.isEmpty)
      #expect(try await other.catalog.listProducts(.init(), metadata: md).products.isEmpty)
      #expect(
        try await other.keys.listKeys(.init(), metadata: md).keys.allSatisfy { $0.organizationID != world.tenant.id })
      // And nothing changed in the first organization.
      #expect(try await world.admin.orders.listOrders(.init(), metadata: world.admin.metadata()).orders.count == 1)
    }
  }

  @Test("T3, T6: a storefront key sees only its own account; another account's objects are NOT_FOUND")
  func storefrontOfAnotherAccount() async throws {
    try await TestOrderd.with { orderd in
      let world = try await World.make(orderd)
      let neighbour = try await world.admin.createAccount("Neighbour")
      let theirs = try await world.admin.storefront(for: neighbour.id)
      let md = theirs.metadata()
      #expect(
        await statusCode { _ = try await theirs.accounts.getAccount(.with { $0.id = world.account.id }, metadata: md) }
          == .notFound)
      #expect(
        await statusCode { _ = try await theirs.orders.getOrder(.with { $0.id = world.order.id }, metadata: md) }
          == .notFound)
      #expect(
        await statusCode {
          _ = try await theirs.subscriptions.getSubscription(.with { $0.id = world.subscription.id }, metadata: md)
        } == .notFound)
      #expect(
        await statusCode { _ = try await theirs.subscriptions.getAsset(.with { $0.id = world.asset.id }, metadata: md) }
          == .notFound)
      #expect(
        await statusCode { _ = try await theirs.placeOrder(account: world.account.id, items: [("SUB-1", 1)]) }
          == .notFound)
      #expect(
        await statusCode {
          _ = try await theirs.orders.listOrders(.with { $0.accountID = world.account.id }, metadata: md)
        } == .notFound)
      #expect(
        await statusCode {
          _ = try await theirs.subscriptions.listSubscriptions(.with { $0.accountID = world.account.id }, metadata: md)
        } == .notFound)
      // Unfiltered listings are limited to the key's own account.
      #expect(try await theirs.accounts.listAccounts(.init(), metadata: md).accounts.map(\.id) == [neighbour.id])
      #expect(try await theirs.orders.listOrders(.init(), metadata: md).orders.isEmpty)
      #expect(try await theirs.subscriptions.listSubscriptions(.init(), metadata: md).subscriptions.isEmpty)
      #expect(try await theirs.subscriptions.listAssets(.init(), metadata: md).assets.isEmpty)
      // The account's own storefront key sees its objects.
      let own = world.storefront
      #expect(
        try await own.subscriptions.listSubscriptions(.init(), metadata: own.metadata()).subscriptions.map(\.id) == [
          world.subscription.id
        ])
      #expect(
        try await own.orders.getOrder(.with { $0.id = world.order.id }, metadata: own.metadata()).id == world.order.id)
    }
  }

  @Test("T3: a revoked key stops working at once; other keys keep working")
  func revocationIsImmediate() async throws {
    try await TestOrderd.with { orderd in
      let world = try await World.make(orderd)
      let md = world.storefront.metadata()
      _ = try await world.storefront.accounts.getAccount(.with { $0.id = world.account.id }, metadata: md)
      _ = try await world.admin.keys.revokeKey(
        .with { $0.id = world.storefrontKeyID }, metadata: world.admin.metadata())
      #expect(
        await statusCode {
          _ = try await world.storefront.accounts.getAccount(.with { $0.id = world.account.id }, metadata: md)
        } == .unauthenticated)
      _ = try await world.admin.accounts.getAccount(
        .with { $0.id = world.account.id }, metadata: world.admin.metadata())
    }
  }
}

/// Two tenants; the first has a customer with a storefront key, a subscription and an asset.
struct World {
  var tenant: Orders_V1_Organization
  var admin: Caller<TestOrderd.Transport>
  var otherAdmin: Caller<TestOrderd.Transport>
  var account: Orders_V1_Account
  var storefront: Caller<TestOrderd.Transport>
  var storefrontKeyID: String
  var order: Orders_V1_Order
  var subscription: Orders_V1_Subscription
  var asset: Orders_V1_Asset

  static func make(_ orderd: TestOrderd) async throws -> World {
    let (tenant, admin) = try await orderd.root.createTenant("Tenant A")
    let (_, otherAdmin) = try await orderd.root.createTenant("Tenant B")
    let account = try await admin.createAccount("Customer")
    _ = try await admin.createProduct(sku: "SUB-1")
    _ = try await admin.createProduct(sku: "AST-1", kind: .asset, price: "99.00") { $0.pricing = .oneTime }
    let order = try await admin.placeOrder(account: account.id, items: [("SUB-1", 3), ("AST-1", 1)])
    let issued = try await admin.keys.createKey(
      .with {
        $0.role = .storefront
        $0.accountID = account.id
      }, metadata: admin.metadata())
    let subscription = try #require(
      try await admin.subscriptions.listSubscriptions(.init(), metadata: admin.metadata()).subscriptions.first)
    let asset = try #require(try await admin.subscriptions.listAssets(.init(), metadata: admin.metadata()).assets.first)
    return World(
      tenant: tenant, admin: admin, otherAdmin: otherAdmin, account: account,
      storefront: orderd.caller(issued.secret), storefrontKeyID: issued.key.id, order: order,
      subscription: subscription, asset: asset)
  }
}
