import Foundation
import GRDB
import OrderDomain
import Testing

@testable import OrderStorage

@Suite("Database setup", .sqliteOnly, .timeLimit(.minutes(5)))
struct DatabaseSetupTests {
  @Test("migrations run when a file is opened; WAL, synchronous=FULL, foreign keys and secure_delete are on")
  func migratedOnOpen() async throws {
    try await withStore { store in
      let (migrations, synchronous, foreignKeys, journal, secureDelete) = try await store.writer.write { db in
        (
          try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
          try Int.fetchOne(db, sql: "PRAGMA synchronous"),
          try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
          try String.fetchOne(db, sql: "PRAGMA journal_mode"),
          try Int.fetchOne(db, sql: "PRAGMA secure_delete")
        )
      }
      #expect(
        migrations == [
          OrganizationSchema.v1Name, OrganizationSchema.v2Name, OrganizationSchema.v3Name, OrganizationSchema.v4Name,
          OrganizationSchema.v5Name, OrganizationSchema.v6Name, OrganizationSchema.v7Name, OrganizationSchema.v8Name,
          OrganizationSchema.v9Name, OrganizationSchema.v9RewrittenName, OrganizationSchema.v10Name,
          OrganizationSchema.v11Name, OrganizationSchema.v12Name,
        ])
      #expect(synchronous == 2)  // FULL
      #expect(foreignKeys == 1)
      #expect(journal == "wal")
      #expect(secureDelete == 1)
    }
  }

  @Test("reopening an existing file keeps its data and does not re-run migrations")
  func reopen() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let id = OrganizationID.random()
    let url = temporary.directory.organizationURL(id)
    let first = try OrganizationStore.open(at: url, organizationID: id)
    _ = try await first.write { tx in try tx.createAccount(NewAccount(name: "Kept", kind: .customer), now: t0) }
    try first.close()
    let second = try OrganizationStore.open(at: url, organizationID: id)
    defer { try? second.close() }
    #expect(try await second.read { tx in try tx.accounts().map(\.name) } == ["Kept"])
  }

  @Test("the registry is migrated on open with the same settings")
  func registrySettings() async throws {
    try await withRegistry { registry, _ in
      let synchronous = try await registry.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
      #expect(synchronous == 2)
    }
  }

  @Test("a file at an older schema version is migrated when opened")
  func migratesOlderFile() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let id = OrganizationID.random()
    let url = temporary.directory.organizationURL(id)
    let old = try DatabaseQueue(path: url.path)
    try OrganizationSchema.migrator.migrate(old, upTo: OrganizationSchema.v1Name)
    try old.close()
    let store = try OrganizationStore.open(at: url, organizationID: id)
    defer { try? store.close() }
    let applied = try await store.writer.read { db in
      try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
    }
    #expect(applied.contains(OrganizationSchema.v2Name))
  }

  @Test("O5: the database refuses to change an order other than its status, or its history")
  func ordersImmutable() async throws {
    try await withStore { store in
      let order = try await store.write { tx in
        let account = try tx.createAccount(NewAccount(name: "A", kind: .customer), now: t0)
        return try tx.createOrder(simpleOrder(account: account.id), now: t0)
      }
      for sql in [
        "UPDATE orders SET totalMinor = 1", "UPDATE orderLines SET quantity = 99", "DELETE FROM orderLines",
        "UPDATE orderStatusChanges SET reason = 'x'", "DELETE FROM orderStatusChanges", "DELETE FROM orders",
      ] {
        await #expect(throws: DatabaseError.self, "\(sql)") {
          try await store.writer.write { db in try db.execute(sql: sql) }
        }
      }
      try await store.writer.write { db in try db.execute(sql: "UPDATE orders SET status = 'cancelled'") }
      #expect(try await store.read { tx in try tx.order(order.id)?.lines } == order.lines)
    }
  }
}
