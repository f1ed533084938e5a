import Foundation
import OrderDomain
import OrderStorage
import Testing

@Suite("Store: executed changes and asset events", .timeLimit(.minutes(5)))
struct ChangeStoreTests {
  @Test("C1: an executed change updates the subscription; storage notifies nothing (the workflows do, N1)")
  func saveChange() async throws {
    try await withStore { store in
      let (after, log) = try await store.write { tx in
        let seeded = try tx.seed()
        let plan = try ChangePlanner(catalog: try tx.products(), currency: "USD")
          .plan(seeded.subscription, actions: [.quantity(7), .autoRenew(false)], now: t0 + 86_400)
        try tx.saveChange(plan)
        return (try tx.requireSubscription(seeded.subscription.id), try tx.notifications(after: 0))
      }
      #expect(after.quantity == 7 && !after.autoRenew)
      #expect(log.isEmpty)
    }
  }

  @Test("A3: assets expire on their expiration date, once; storage notifies nothing (the workflows do, N1)")
  func assetEvents() async throws {
    try await withStore { store in
      let log = try await store.write { tx in
        let seeded = try tx.seed()
        let asset = try tx.createAsset(
          NewAsset(
            accountID: seeded.account.id, sku: "AV", name: "Antivirus", syncStatus: .synchronized,
            purchaseDate: t0, orderID: seeded.salesOrder.id))
        try tx.updateAsset(asset.applying(.failed(reason: "vendor rejected")))
        let synced = try tx.requireAsset(asset.id)
          .applying(.provisioned(VendorData(readyAt: t0, expirationDate: t0 + 60, softwareID: "SW-1")))
        try tx.updateAsset(synced)
        #expect(try tx.expireAssets(by: t0 + 59).isEmpty)
        #expect(try tx.expireAssets(by: t0 + 60).map(\.status) == [.expired])
        #expect(try tx.expireAssets(by: t0 + 120).isEmpty)
        return try tx.notifications(after: 0)
      }
      #expect(log.isEmpty)
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
