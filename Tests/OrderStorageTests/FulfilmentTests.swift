import Foundation
import OrderDomain
import OrderStorage
import Testing

@Suite("Store: subscriptions, assets and fulfilment", .timeLimit(.minutes(5)))
struct FulfilmentTests {
  @Test("A1: a planned sales order creates subscriptions (add-on linked to its base) and one asset per unit")
  func fulfilPlan() async throws {
    try await withStore { store in
      let (order, fulfilment) = try await store.write { tx in
        for product in [Product.office(), .addon(), .antivirus()] {
          _ = try tx.createProduct(product, currency: "USD", now: t0)
        }
        let account = try tx.createAccount(NewAccount(name: "A", kind: .customer), now: t0)
        let planner = SalesOrderPlanner(catalog: try tx.products(), currency: "USD")
        let items = [
          RequestedItem(sku: "O365-ADDON", quantity: 2),
          RequestedItem(sku: "O365-E3", quantity: 10, billingCycle: .monthly, term: .oneYear),
          RequestedItem(sku: "AV-1Y", quantity: 2),
        ]
        let plan = try planner.plan(
          account: account, items: items, subscriptions: try tx.subscriptions(accountID: account.id), now: t0)
        let order = try tx.createOrder(
          NewOrder(
            type: .sales, status: .completed, accountID: account.id, createdBy: .system, lines: plan.lines,
            total: plan.total), now: t0)
        return (order, try tx.fulfil(plan, order: order))
      }
      #expect(order.total == usd("303.98"))  // 2 × 2.00 + 10 × 20.00 + 2 × 49.99
      let base = try #require(fulfilment.subscriptions.first { $0.sku == "O365-E3" })
      let addon = try #require(fulfilment.subscriptions.first { $0.sku == "O365-ADDON" })
      #expect(addon.parentSubscriptionID == base.id)
      #expect(base.currentPeriodEnd == UTCCalendar.date(year: 2026, month: 2, day: 1))
      #expect(base.termEnd == UTCCalendar.date(year: 2027, month: 1, day: 1))
      #expect(fulfilment.assets.map(\.id.rawValue) == ["AST-000001", "AST-000002"])
      let stored = try await store.read { tx in
        (try tx.subscriptions(accountID: order.accountID), try tx.assets(accountID: order.accountID))
      }
      #expect(Set(stored.0) == Set(fulfilment.subscriptions))
      #expect(stored.1 == fulfilment.assets)
    }
  }

  @Test("subscriptions and assets can be updated and fetched by id")
  func updates() async throws {
    try await withStore { store in
      let (subscription, asset) = try await store.write { tx in
        let account = try tx.createAccount(NewAccount(name: "A", kind: .customer), now: t0)
        let order = try tx.createOrder(simpleOrder(account: account.id), now: t0)
        let subscription = try tx.createSubscription(
          NewSubscription(
            accountID: account.id, sku: "O365-E3", productName: "Office", provisioningStatus: .pending, quantity: 3,
            billingCycle: .monthly, term: .oneYear, autoRenew: true, startDate: t0,
            currentPeriodEnd: UTCCalendar.adding(.monthly, to: t0), termEnd: UTCCalendar.adding(.oneYear, to: t0),
            orderID: order.id))
        let asset = try tx.createAsset(
          NewAsset(
            accountID: account.id, sku: "AV-1Y", name: "Antivirus", syncStatus: .failed, purchaseDate: t0,
            orderID: order.id))
        return (subscription, asset)
      }
      var changedSubscription = subscription
      changedSubscription.quantity = 5
      changedSubscription.provisioningStatus = .synced
      var changedAsset = asset
      changedAsset.syncStatus = .synchronized
      changedAsset.softwareID = "SW-1"
      changedAsset.expirationDate = t0 + 86_400
      let (updatedSubscription, updatedAsset) = (changedSubscription, changedAsset)
      try await store.write { tx in
        try tx.updateSubscription(updatedSubscription)
        try tx.updateAsset(updatedAsset)
      }
      #expect(try await store.read { tx in try tx.subscription(subscription.id) } == updatedSubscription)
      #expect(try await store.read { tx in try tx.asset(asset.id) } == updatedAsset)
      let due = try await store.read { tx in try tx.subscriptions(periodEndingBy: t0 + 40 * 86_400) }
      #expect(due.map(\.id) == [subscription.id])
      let missing = await #expect(throws: DomainError.self) {
        _ = try await store.read { tx in try tx.requireSubscription("SUB-999999") }
      }
      #expect(missing?.code == .notFound)
    }
  }
}
