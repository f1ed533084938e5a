import Foundation
import GRPCCore
import OrderProtocol
import SwiftProtobuf

/// Short ways to set up the objects most tests need.
extension Caller {
  /// Creates a child organization and returns a caller holding its first admin key.
  public func createTenant(
    _ name: String, kind: Orders_V1_OrganizationKind = .tenant
  ) async throws -> (organization: Orders_V1_Organization, admin: Caller) {
    let response = try await self.organizations.createOrganization(
      .with {
        $0.name = name
        $0.kind = kind
      }, metadata: self.metadata())
    return (response.organization, Caller(client: self.client, key: response.adminKey.secret))
  }

  public func createAccount(
    _ name: String, kind: Orders_V1_AccountKind = .customer, reseller: String = ""
  ) async throws -> Orders_V1_Account {
    try await self.accounts.createAccount(
      .with {
        $0.name = name
        $0.kind = kind
        $0.resellerID = reseller
      }, metadata: self.metadata())
  }

  /// A monthly prepaid subscription product at `price` (a decimal string) per unit.
  public func createProduct(
    sku: String, name: String? = nil, kind: Orders_V1_ProductKind = .subscription, price: String = "10.00",
    configure: (inout Orders_V1_Product) -> Void = { _ in }
  ) async throws -> Orders_V1_Product {
    var product = Orders_V1_Product.with {
      $0.sku = sku
      $0.name = name ?? sku
      $0.kind = kind
    }
    configure(&product)
    let request = Orders_V1_CreateProductRequest.with {
      $0.product = product
      $0.price = price
    }
    return try await self.catalog.createProduct(request, metadata: self.metadata())
  }

  public func placeOrder(
    account: String, items: [(sku: String, quantity: Int32)], idempotencyKey: String? = nil
  ) async throws -> Orders_V1_Order {
    try await self.orders.placeOrder(
      .with {
        $0.accountID = account
        $0.items = items.map { item in
          .with {
            $0.sku = item.sku
            $0.quantity = item.quantity
          }
        }
      }, metadata: self.metadata(idempotencyKey: idempotencyKey))
  }

  /// A storefront key bound to `account`.
  public func storefront(for account: String) async throws -> Caller {
    let issued = try await self.keys.createKey(
      .with {
        $0.role = .storefront
        $0.accountID = account
      }, metadata: self.metadata())
    return Caller(client: self.client, key: issued.secret)
  }
}

/// The RPC status code a call failed with, or nil when it succeeded.
public func statusCode(of body: () async throws -> Void) async -> RPCError.Code? {
  do {
    try await body()
    return nil
  } catch let error as RPCError {
    return error.code
  } catch {
    return .unknown
  }
}

extension Caller {
  /// An immediate change of a subscription.
  public func change(
    _ subscription: String, idempotencyKey: String? = nil,
    _ configure: (inout Orders_V1_ChangeSubscriptionRequest) -> Void
  ) async throws -> Orders_V1_ChangeSubscriptionResponse {
    var request = Orders_V1_ChangeSubscriptionRequest.with { $0.id = subscription }
    configure(&request)
    return try await self.subscriptions.changeSubscription(
      request, metadata: self.metadata(idempotencyKey: idempotencyKey))
  }

  public func setVendorBehavior(
    sku: String, _ configure: (inout Orders_V1_VendorBehavior) -> Void
  ) async throws {
    var behavior = Orders_V1_VendorBehavior.with { $0.sku = sku }
    configure(&behavior)
    _ = try await self.vendors.setVendorBehavior(.with { $0.behavior = behavior }, metadata: self.metadata())
  }

  public func order(_ id: String) async throws -> Orders_V1_Order {
    try await self.orders.getOrder(.with { $0.id = id }, metadata: self.metadata())
  }

  public func subscription(_ id: String) async throws -> Orders_V1_Subscription {
    try await self.subscriptions.getSubscription(.with { $0.id = id }, metadata: self.metadata())
  }

  public func notificationTypes(after position: Int64 = 0) async throws -> [String] {
    try await self.notifications.listNotifications(
      .with {
        $0.after = position; $0.limit = 1000
      }, metadata: self.metadata()
    )
    .notifications.map(\.type)
  }

  /// Moves the shared simulated clock (needs the root admin's key).
  public func advanceClock(by duration: String) async throws {
    _ = try await self.clock.advanceClock(.with { $0.by = duration }, metadata: self.metadata())
  }
}

extension Caller {
  /// A purchase scheduled for `date` (YYYY-MM-DD).
  public func schedule(
    account: String, items: [(sku: String, quantity: Int32)], on date: String, dryRun: Bool = false
  ) async throws -> Orders_V1_Order {
    try await self.orders.placeOrder(
      .with {
        $0.accountID = account
        $0.scheduledFor = date
        $0.dryRun = dryRun
        $0.items = items.map { item in
          .with {
            $0.sku = item.sku
            $0.quantity = item.quantity
          }
        }
      }, metadata: self.metadata())
  }

  /// A change scheduled On Renewal or for a custom date (YYYY-MM-DD).
  public func scheduleChange(
    _ subscription: String, on date: String? = nil, dryRun: Bool = false,
    _ configure: (inout Orders_V1_ChangeSubscriptionRequest) -> Void
  ) async throws -> Orders_V1_ChangeSubscriptionResponse {
    try await self.change(subscription) {
      configure(&$0)
      $0.timing = date == nil ? .onRenewal : .customDate
      $0.date = date ?? ""
      $0.dryRun = dryRun
    }
  }

  public func scheduledChanges(_ subscription: String) async throws -> [Orders_V1_ScheduledChange] {
    try await self.subscriptions.listScheduledChanges(
      .with { $0.subscriptionID = subscription }, metadata: self.metadata()
    )
    .changes
  }

  public func setFutureRequest(_ subscription: String, quantity: Int32) async throws -> Orders_V1_Subscription {
    try await self.subscriptions.setFutureRequest(
      .with {
        $0.subscriptionID = subscription
        $0.quantity = quantity
      }, metadata: self.metadata())
  }

  public func invoices(account: String = "") async throws -> [Orders_V1_Invoice] {
    try await self.invoices.listInvoices(.with { $0.accountID = account }, metadata: self.metadata()).invoices
  }
}
