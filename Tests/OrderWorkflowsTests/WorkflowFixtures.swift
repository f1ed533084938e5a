import Foundation
import OrderDomain
import OrderStorage
import OrderTesting
import OrderWorkflows

/// One organization's store in a fresh storage (``TestStorage``), with an admin to act as.
struct WorkflowStore {
  let store: OrganizationStore
  let organizationID: OrganizationID

  static let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

  /// Opens a store, runs `body`, closes and removes it.
  static func with<T>(_ body: (WorkflowStore) async throws -> T) async throws -> T {
    try await TestStorage.withStore { store in
      try await body(WorkflowStore(store: store, organizationID: store.organizationID))
    }
  }

  var admin: Principal {
    Principal(organizationID: self.organizationID, role: .admin, accountID: nil, keyID: APIKeyID("admin"))
  }

  func storefront(_ account: AccountID) -> Principal {
    Principal(organizationID: self.organizationID, role: .storefront, accountID: account, keyID: APIKeyID("shop"))
  }

  /// Runs `body` in one write transaction as `principal`.
  func write<T: Sendable>(as principal: Principal, _ body: @escaping @Sendable (ScopedTransaction) throws -> T)
    async throws -> T
  {
    try await self.store.write { tx in try body(ScopedTransaction(tx, principal: principal)) }
  }

  /// Runs `body` in one read transaction as `principal`.
  func read<T: Sendable>(as principal: Principal, _ body: @Sendable (ScopedTransaction) throws -> T) async throws -> T {
    try await self.store.read { tx in try body(ScopedTransaction(tx, principal: principal)) }
  }
}

extension Product {
  static let seat = Product(
    sku: "SEAT", name: "Seat", kind: .subscription, pricing: .prepaidRecurring, billingCycles: [.monthly],
    terms: [.oneMonth], unitPrice: usd("3.00"), maxQuantity: 100)

  static let antivirus = Product(
    sku: "AV", name: "Antivirus", kind: .asset, pricing: .oneTime, billingCycles: [], terms: [],
    unitPrice: usd("49.99"), maxQuantity: 10)
}

func usd(_ text: String) -> Money {
  (try? Money(parsing: text, currency: "USD")) ?? .zero("USD")
}

extension WorkflowStore {
  /// The catalog of these tests: a subscription and an asset.
  func createCatalog() async throws {
    let now = Self.start
    _ = try await self.write(as: self.admin) { scoped in
      _ = try CreateProduct(.seat, currency: "USD", now: now).run(scoped)
      return try CreateProduct(.antivirus, currency: "USD", now: now).run(scoped)
    }
  }

  /// A customer account that bought two seats and an antivirus now, through ``PlaceOrder``.
  func customerWithPurchase(_ name: String) async throws -> (Account, OrderWithHistory) {
    let now = Self.start
    return try await self.write(as: self.admin) { scoped in
      let account = try CreateAccount(NewAccount(name: name, kind: .customer), now: now).run(scoped)
      let order = try PlaceOrder(
        accountID: account.id,
        items: [
          RequestedItem(sku: "SEAT", quantity: 2, billingCycle: .monthly, term: .oneMonth),
          RequestedItem(sku: "AV", quantity: 1, billingCycle: nil, term: nil),
        ],
        changeItems: [], executionDate: nil, currency: "USD", now: now
      ).run(scoped)
      return (account, order)
    }
  }
}
