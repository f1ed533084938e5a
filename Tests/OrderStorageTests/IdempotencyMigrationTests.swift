import Foundation
import GRDB
import OrderDomain
import Testing

@testable import OrderStorage

@Suite("Store: sealing the idempotency outcomes of older files", .sqliteOnly, .timeLimit(.minutes(1)))
struct IdempotencyMigrationTests {
  static let createKey = "orders.v1.KeyService/CreateKey"
  static let strongKey = "5b0e7a52-4c1d-4f7e-9a51-3c2d8e1f0a9b"
  static let hash = RequestHash.sha256(Data("request".utf8))

  @Test(
    "T3: a v8 file is migrated on open: outcomes are sealed and still replay, weak-keyed secrets are dropped, and no cleartext is left in the files"
  )
  func cleartextOutcomesSealed() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let id = OrganizationID.random()
    let url = temporary.directory.organizationURL(id)
    try Self.writeV8File(at: url)
    let before = try temporary.allBytes()
    for marker in ["strong-secret", "weak-secret", "order-cleartext", "purged-secret"] {
      #expect(before.range(of: Data(marker.utf8)) != nil, "the v8 file should hold \(marker)")
    }

    let store = try OrganizationStore.open(at: url, organizationID: id)
    defer { try? store.close() }
    let (strong, order, weak) = try await store.read { tx in
      (
        try tx.idempotentOutcome(key: Self.strongKey, method: Self.createKey, requestHash: Self.hash),
        try tx.idempotentOutcome(key: "k1", method: "orders.v1.OrderService/PlaceOrder", requestHash: Self.hash),
        try tx.idempotentOutcome(key: "short", method: Self.createKey, requestHash: Self.hash)
      )
    }
    #expect(strong?.response == Data("odk_00_strong-secret".utf8))
    #expect(order?.response == Data("order-cleartext".utf8))
    #expect(weak == nil)
    let after = try temporary.allBytes()
    for marker in ["strong-secret", "weak-secret", "order-cleartext", "purged-secret", Self.strongKey] {
      #expect(after.range(of: Data(marker.utf8)) == nil, "\(marker) is still in the files")
    }
  }

  @Test("a file is rewritten once after v9; reopening it migrates nothing more")
  func rewrittenOnce() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let id = OrganizationID.random()
    let url = temporary.directory.organizationURL(id)
    try Self.writeV8File(at: url)
    try OrganizationStore.open(at: url, organizationID: id).close()
    let store = try OrganizationStore.open(at: url, organizationID: id)
    defer { try? store.close() }
    let (applied, secureDelete) = try await store.writer.write { db in
      (
        try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
        try Int.fetchOne(db, sql: "PRAGMA secure_delete")
      )
    }
    #expect(
      applied.suffix(5) == [
        OrganizationSchema.v9Name, OrganizationSchema.v9RewrittenName, OrganizationSchema.v10Name,
        OrganizationSchema.v11Name, OrganizationSchema.v12Name,
      ])
    #expect(secureDelete == 1)
  }

  /// A v8 file as an older orderd left it, written without secure_delete: outcomes in the
  /// clear (one for a key shorter than the minimum), and purged ones still in freed pages.
  static func writeV8File(at url: URL) throws {
    let old = try DatabaseQueue(path: url.path)
    try OrganizationSchema.migrator.migrate(old, upTo: OrganizationSchema.v8Name)
    try old.inDatabase { db in
      try db.execute(sql: "PRAGMA secure_delete = OFF")
      let insert = "INSERT INTO idempotency (key, method, requestHash, response, createdAt) VALUES (?, ?, ?, ?, ?)"
      let created = "2026-01-01 00:00:00.000"
      try db.execute(
        sql: insert, arguments: [Self.strongKey, Self.createKey, Self.hash, Data("odk_00_strong-secret".utf8), created])
      try db.execute(
        sql: insert, arguments: ["short", Self.createKey, Self.hash, Data("odk_00_weak-secret".utf8), created])
      try db.execute(
        sql: insert,
        arguments: ["k1", "orders.v1.OrderService/PlaceOrder", Self.hash, Data("order-cleartext".utf8), created])
      let padding = String(repeating: "x", count: 3000)
      for index in 0..<40 {
        try db.execute(
          sql: insert,
          arguments: ["purged-\(index)", Self.createKey, Self.hash, Data("purged-secret-\(padding)".utf8), created])
      }
      try db.execute(sql: "DELETE FROM idempotency WHERE key LIKE 'purged-%'")
    }
    try old.close()
  }
}
