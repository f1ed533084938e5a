import Foundation
import GRDB
import OrderDomain
import Testing

@testable import OrderStorage

@Suite("Store: migrations for backordering", .sqliteOnly, .timeLimit(.minutes(5)))
struct BackorderMigrationTests {
  @Test("B2, B3: a v5 organization file is migrated to v6 on open, keeping its data, with empty outbox and inbox")
  func organizationV5() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let id = OrganizationID.random()
    let url = temporary.directory.organizationURL(id)
    let old = try DatabaseQueue(path: url.path)
    try OrganizationSchema.migrator.migrate(old, upTo: OrganizationSchema.v5Name)
    try await old.write { db in
      try db.execute(
        sql:
          "INSERT INTO accounts (id, name, kind, createdAt) VALUES ('ACC-000001', 'Old', 'customer', '2026-01-01 00:00:00.000')"
      )
    }
    try old.close()
    let store = try OrganizationStore.open(at: url, organizationID: id)
    defer { try? store.close() }
    let (account, outbox, backorders) = try await store.read { tx in
      (try tx.account("ACC-000001"), try tx.outbox(), try tx.backorders())
    }
    #expect(account?.name == "Old" && outbox.isEmpty && backorders.isEmpty)
  }

  @Test("B2: a v2 registry is migrated to v3 on open; existing organizations have no parent account")
  func registryV2() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    try temporary.directory.create()
    let old = try DatabaseQueue(path: temporary.directory.registryURL.path)
    try RegistrySchema.migrator.migrate(old, upTo: "v2: wakeups")
    try await old.write { db in
      try db.execute(
        sql: """
          INSERT INTO organizations (id, name, kind, parentID, currency, createdAt)
          VALUES ('root', 'Provider', 'root', NULL, 'USD', '2026-01-01 00:00:00.000')
          """)
    }
    try old.close()
    let registry = try Registry(directory: temporary.directory)
    defer { try? registry.close() }
    let root = try await registry.root()
    #expect(root?.id == "root" && root?.parentAccountID == nil)
  }
}
