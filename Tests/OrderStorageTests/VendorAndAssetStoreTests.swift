import Foundation
import GRDB
import OrderDomain
import Testing

@testable import OrderStorage

@Suite("Store: vendor behaviors, asset sync, migration v3", .timeLimit(.minutes(5)))
struct VendorAndAssetStoreTests {
  @Test("C2: vendor behavior per SKU is normal until set; setting normal removes it")
  func behaviors() async throws {
    try await withStore { store in
      try await store.write { tx in
        _ = try tx.createProduct(.antivirus(), currency: "USD", now: t0)
        #expect(try tx.vendorBehavior(sku: "AV-1Y") == .normal)
        let failing = VendorBehavior(failProvisioning: .once, lateExpiration: true, provisioningDelay: 30)
        try tx.setVendorBehavior(failing, sku: "AV-1Y")
        #expect(try tx.vendorBehavior(sku: "AV-1Y") == failing)
        #expect(try tx.vendorBehaviors() == ["AV-1Y": failing])
        try tx.setVendorBehavior(.normal, sku: "AV-1Y")
        #expect(try tx.vendorBehaviors().isEmpty)
        #expect(throws: DomainError.self) { try tx.setVendorBehavior(failing, sku: "NOPE") }
      }
    }
  }

  @Test("A1, A2, A3: sync errors and attempts are stored; resync and expiry queries find the assets")
  func assetSync() async throws {
    try await withStore { store in
      try await store.write { tx in
        let seeded = try tx.seed()
        let asset = try tx.createAsset(
          NewAsset(
            accountID: seeded.account.id, sku: "AV", name: "Antivirus", syncStatus: .synchronized,
            purchaseDate: t0, orderID: seeded.salesOrder.id))
        #expect(try tx.assetsNeedingResync().map(\.id) == [asset.id])
        let failed = asset.applying(.failed(reason: "vendor rejected"))
        try tx.updateAsset(failed)
        #expect(try tx.requireAsset(asset.id) == failed)
        let synced = failed.applying(
          .provisioned(VendorData(readyAt: t0, expirationDate: t0 + 3600, softwareID: "SW-1")))
        try tx.updateAsset(synced)
        #expect(try tx.requireAsset(asset.id).syncAttempts == 2)
        #expect(try tx.assetsNeedingResync().isEmpty)
        #expect(try tx.assets(expiringBy: t0 + 3599).isEmpty)
        #expect(try tx.assets(expiringBy: t0 + 3600).map(\.id) == [asset.id])
      }
    }
  }

  @Test("a v2 file is migrated to v3 on open, keeping its orders and assets")
  func migratesV2() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let id = OrganizationID.random()
    let url = temporary.directory.organizationURL(id)
    let old = try DatabaseQueue(path: url.path)
    try OrganizationSchema.migrator.migrate(old, upTo: OrganizationSchema.v2Name)
    try await old.write { db in
      try db.execute(
        sql: """
          INSERT INTO accounts (id, name, kind, createdAt) VALUES ('ACC-000001', 'Old', 'customer', '2026-01-01 00:00:00.000');
          INSERT INTO orders (id, number, type, status, accountID, createdAt, createdBy, totalMinor, currency)
          VALUES ('o1', 'SO-000001', 'SO', 'completed', 'ACC-000001', '2026-01-01 00:00:00.000', 'system', 100, 'USD');
          INSERT INTO assets (id, accountID, sku, name, status, syncStatus, purchaseDate, orderID)
          VALUES ('AST-000001', 'ACC-000001', 'AV', 'Antivirus', 'active', 'failed', '2026-01-01 00:00:00.000', 'o1');
          """)
    }
    try old.close()
    let store = try OrganizationStore.open(at: url, organizationID: id)
    defer { try? store.close() }
    let (order, asset) = try await store.read { tx in (try tx.requireOrder("o1"), try tx.requireAsset("AST-000001")) }
    #expect(order.subscriptionID == nil)
    #expect(asset.syncError == nil && asset.syncAttempts == 0 && asset.syncStatus == .failed)
    let applied = try await store.writer.read { db in
      try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
    }
    #expect(applied.contains(OrganizationSchema.v3Name))
    #expect(applied.last == OrganizationSchema.v12Name)
  }
}
