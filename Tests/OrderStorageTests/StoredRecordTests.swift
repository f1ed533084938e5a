import GRDB
import Testing

@testable import OrderStorage

/// Records name their table's primary key (``StoredRecord/primaryKey``) for the engines that
/// do not read it from SQLite's schema; the names must be the schema's.
@Suite("Stored records", .sqliteOnly, .timeLimit(.minutes(5)))
struct StoredRecordTests {
  /// The record types and the primary key SQLite's schema gives their tables.
  private static func mismatches(_ types: [any StoredRecord.Type], _ db: Database) throws -> [String] {
    try types.compactMap { type in
      let schema = try db.primaryKey(type.databaseTableName).columns
      return schema == type.primaryKey ? nil : "\(type.databaseTableName): \(type.primaryKey), schema \(schema)"
    }
  }

  @Test("every organization record names its table's primary key")
  func organizationKeys() async throws {
    try await withStore { store in
      let types: [any StoredRecord.Type] = [
        AccountRecord.self, AssetRecord.self, BackorderLinkRecord.self, BackorderOutboxRecord.self,
        BackorderRecord.self, FutureRequestRecord.self, IdempotencyOutcomeRecord.self, InvoiceLineRecord.self,
        InvoiceRecord.self, JobRecord.self, NotificationRecord.self, OrderChangeActionsRecord.self,
        OrderLineRecord.self, OrderRecord.self, OrderSchedulingRecord.self, OrderStatusChangeRecord.self,
        ProductListRecord<BillingCycleList>.self, ProductListRecord<TermList>.self,
        ProductListRecord<UpgradeList>.self, ProductRecord.self, SettingsRecord.self, SubscriptionRecord.self,
        VendorBehaviorRecord.self,
      ]
      let mismatches = try await store.writer.read { db in try Self.mismatches(types, db) }
      #expect(mismatches == [])
    }
  }

  @Test("every registry record names its table's primary key")
  func registryKeys() async throws {
    try await withRegistry { registry, _ in
      let types: [any StoredRecord.Type] = [
        OperationRecord.self, OrganizationRecord.self, StoredKeyRecord.self, WakeupRecord.self,
      ]
      let mismatches = try await registry.pool.read { db in try Self.mismatches(types, db) }
      #expect(mismatches == [])
    }
  }
}
