import Foundation
import OrderDomain
import OrderStorage
import Testing

@Suite("Store: executed changes and asset events", .timeLimit(.minutes(5)))
struct ChangeStoreTests {
  @Test("C1, N1: an executed change updates the subscription and its add-ons and is notified")
  func saveChange() async throws {
    try await withStore { store in
      let (after, log) = try await store.write { tx in
        let seeded = try tx.seed()
        let plan = try ChangePlanner(catalog: try tx.products(), currency: "USD")
          .plan(seeded.subscription, actions: [.quantity(7), .autoRenew(false)], now: t0 + 86_400)
        let order = try tx.createOrder(
          try #require(plan.newOrder(status: .executing, createdBy: .system, reason: "change")), now: t0)
        try tx.saveChange(plan, order: order, by: .system, now: t0)
        return (try tx.requireSubscription(seeded.subscription.id), try tx.notifications(after: 0))
      }
      #expect(after.quantity == 7 && !after.autoRenew)
      #expect(log.last?.type == .subscriptionChanged)
      #expect(
        log.last?.text
          == "subscription SUB-000001 changed by order CH-000001 (system): quantity 5 -> 7, auto-renew on -> off")
    }
  }

  @Test("A1, A3, N1: asset sync results and expiry are saved and notified")
  func assetEvents() async throws {
    try await withStore { store in
      let log = try await store.write { tx in
        let seeded = try tx.seed()
        let asset = try tx.createAsset(
          NewAsset(
            accountID: seeded.account.id, sku: "AV", name: "Antivirus", syncStatus: .synchronized,
            purchaseDate: t0, orderID: seeded.salesOrder.id))
        try tx.recordAssetSync(asset.applying(.failed(reason: "vendor rejected")), now: t0)
        let synced = try tx.requireAsset(asset.id)
          .applying(.provisioned(VendorData(readyAt: t0, expirationDate: t0 + 60, softwareID: "SW-1")))
        try tx.recordAssetSync(synced, now: t0)
        #expect(try tx.expireAssets(by: t0 + 59).isEmpty)
        #expect(try tx.expireAssets(by: t0 + 60).map(\.status) == [.expired])
        #expect(try tx.expireAssets(by: t0 + 120).isEmpty)
        return try tx.notifications(after: 0).filter { $0.subject.kind == .asset }
      }
      #expect(log.map(\.type) == [.assetSyncFailed, .assetSynchronized, .assetExpired])
      #expect(log[0].text == "asset AST-000001 failed to synchronize: vendor rejected")
    }
  }

  @Test("O2: changeStatus is checked against the flow too")
  func changeStatusChecked() async throws {
    try await withStore { store in
      let error = await #expect(throws: DomainError.self) {
        try await store.write { tx in
          let order = try tx.changeOrder(try tx.seed(), status: .scheduled)
          try tx.changeStatus(of: order.id, to: .completed, reason: "skip", by: .system, now: t0)
        }
      }
      #expect(error?.code == .failedPrecondition)
    }
  }
}
