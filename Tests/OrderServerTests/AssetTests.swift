import Foundation
import GRPCCore
import OrderProtocol
import OrderTesting
import SwiftProtobuf
import Testing

/// Software subscriptions as assets (A1-A3).
@Suite("Assets", .timeLimit(.minutes(5)))
struct AssetTests {
  static func buy(_ admin: Caller<TestOrderd.Transport>, configure: (inout Orders_V1_VendorBehavior) -> Void = { _ in })
    async throws -> (Orders_V1_Order, Orders_V1_Asset)
  {
    let account = try await admin.createAccount("Customer")
    _ = try await admin.createProduct(sku: "VISIO", name: "Visio Plan 2", kind: .asset, price: "180.00") {
      $0.vendor = .microsoft
    }
    try await admin.setVendorBehavior(sku: "VISIO", configure)
    let order = try await admin.placeOrder(account: account.id, items: [("VISIO", 1)])
    let asset = try #require(try await admin.subscriptions.listAssets(.init(), metadata: admin.metadata()).assets.first)
    return (order, asset)
  }

  @Test("A1: an asset record has its name, status, sync status, purchase date, expiration date and software ID")
  func assetRecord() async throws {
    try await TestOrderd.with { orderd in
      let (order, asset) = try await Self.buy(orderd.root)
      #expect(order.status == "completed")
      #expect(asset.name == "Visio Plan 2")
      #expect(asset.status == "active")
      #expect(asset.syncStatus == "synchronized")
      #expect(asset.purchaseDate.date == TestOrderd.start)
      #expect(asset.hasExpirationDate)
      #expect(!asset.softwareID.isEmpty)
    }
  }

  @Test(
    "A1, A2: a failed provisioning leaves sync status failed with the vendor's reason; resync fixes it and completes the order"
  )
  func failedThenResynced() async throws {
    try await TestOrderd.with { orderd in
      let admin = orderd.root
      let (order, asset) = try await Self.buy(admin) { $0.failProvisioning = .once }
      #expect(asset.syncStatus == "failed")
      #expect(asset.syncError.contains("simulated failure"))
      #expect(order.status == "provisioningFailed")
      let resynced = try await admin.subscriptions.resyncAsset(.with { $0.id = asset.id }, metadata: admin.metadata())
      #expect(resynced.syncStatus == "synchronized")
      #expect(resynced.syncError.isEmpty)
      #expect(try await admin.order(order.id).status == "completed")
      #expect(try await admin.notificationTypes().contains("AssetSynchronized"))
    }
  }

  @Test("A2: the server retries a failed asset by itself, with backoff")
  func automaticRetry() async throws {
    try await TestOrderd.with { orderd in
      let admin = orderd.root
      let (order, asset) = try await Self.buy(admin) { $0.failProvisioning = .once }
      #expect(asset.syncStatus == "failed")
      try await admin.advanceClock(by: "PT59S")
      #expect(
        try await admin.subscriptions.getAsset(.with { $0.id = asset.id }, metadata: admin.metadata()).syncStatus
          == "failed")
      try await admin.advanceClock(by: "PT1S")  // the first retry is due one minute after the failure
      #expect(
        try await admin.subscriptions.getAsset(.with { $0.id = asset.id }, metadata: admin.metadata()).syncStatus
          == "synchronized")
      #expect(try await admin.order(order.id).status == "completed")
    }
  }

  @Test("A2: a late expiration date and software ID stay empty until a resync refreshes them")
  func lateVendorData() async throws {
    try await TestOrderd.with { orderd in
      let admin = orderd.root
      let (_, asset) = try await Self.buy(admin) { $0.lateExpiration = true }
      #expect(asset.syncStatus == "synchronized")
      #expect(!asset.hasExpirationDate)
      #expect(asset.softwareID.isEmpty)
      let refreshed = try await admin.subscriptions.resyncAsset(.with { $0.id = asset.id }, metadata: admin.metadata())
      #expect(refreshed.hasExpirationDate)
      #expect(!refreshed.softwareID.isEmpty)
    }
  }

  @Test("A3: storefront users see their own account's assets; others' are NOT_FOUND")
  func storefrontVisibility() async throws {
    try await TestOrderd.with { orderd in
      let admin = orderd.root
      let (_, asset) = try await Self.buy(admin)
      let own = try await admin.storefront(for: asset.accountID)
      #expect(try await own.subscriptions.listAssets(.init(), metadata: own.metadata()).assets.map(\.id) == [asset.id])
      let other = try await admin.createAccount("Other")
      let theirs = try await admin.storefront(for: other.id)
      #expect(try await theirs.subscriptions.listAssets(.init(), metadata: theirs.metadata()).assets.isEmpty)
      let code = await statusCode {
        _ = try await theirs.subscriptions.resyncAsset(.with { $0.id = asset.id }, metadata: theirs.metadata())
      }
      #expect(code == .notFound)
    }
  }
}
