import Foundation
import GRDB
import OrderDomain
@testable import OrderStorage
import Testing

@Suite("Database setup")
struct DatabaseSetupTests {
  @Test("migrations run when a file is opened; WAL, synchronous=FULL and foreign keys are on")
  func migratedOnOpen() async throws {
    try await withStore { store in
      let (migrations, synchronous, foreignKeys, journal) = try await store.pool.write { db in
        (
          try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
          try Int.fetchOne(db, sql: "PRAGMA synchronous"),
          try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
          try String.fetchOne(db, sql: "PRAGMA journal_mode")
        )
      }
      #expect(migrations.count == 1)
      #expect(synchronous == 2)  // FULL
      #expect(foreignKeys == 1)
      #expect(journal == "wal")
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
}
