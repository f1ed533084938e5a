import Foundation
import GRDB

extension OrganizationSchema {
  static let v9Name = "v9: idempotency outcomes sealed under their keys"
  /// Applied once the file was rewritten after v9 (see ``migrate(_:)``); changes no table.
  static let v9RewrittenName = "v9: file rewritten without the outcomes stored in the clear"

  /// Methods whose answer carries an API key's secret, by their names when v9 was written.
  private static let secretMethods: Set<String> = [
    "orders.v1.KeyService/CreateKey", "orders.v1.OrganizationService/CreateOrganization",
  ]

  /// Idempotency outcomes were stored in the clear, API key secrets included (issue 9). v9
  /// keeps them sealed (``OutcomeSeal``) and found by a hash of their key: every stored
  /// outcome is sealed under its own key, so replays keep working across the upgrade, except
  /// secret-carrying outcomes of keys shorter than the minimum, which are dropped (the server
  /// refuses such keys for those methods now, so they would never be replayed).
  static func v9(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE idempotencyOutcomes (
          keyHash BLOB PRIMARY KEY NOT NULL,
          method TEXT NOT NULL,
          requestHash BLOB NOT NULL,
          salt BLOB NOT NULL,
          sealedResponse BLOB NOT NULL,
          createdAt DATETIME NOT NULL
        );
        CREATE INDEX idempotencyOutcomes_createdAt ON idempotencyOutcomes(createdAt);
        """)
    let insert = try db.makeStatement(
      sql: """
        INSERT INTO idempotencyOutcomes (keyHash, method, requestHash, salt, sealedResponse, createdAt)
        VALUES (?, ?, ?, ?, ?, ?)
        """)
    let rows = try Row.fetchCursor(db, sql: "SELECT key, method, requestHash, response, createdAt FROM idempotency")
    while let row = try rows.next() {
      let key: String = try row.decode("key")
      let method: String = try row.decode("method")
      let requestHash: Data = try row.decode("requestHash")
      let minimum = OrganizationTransaction.minimumSecretIdempotencyKeyLength
      if secretMethods.contains(method), key.utf8.count < minimum { continue }
      let sealed = try OutcomeSeal.seal(
        try row.decode("response"), key: key, context: OutcomeSeal.context(method: method, requestHash: requestHash))
      try insert.execute(arguments: [
        OutcomeSeal.lookupHash(of: key), method, requestHash, sealed.salt, sealed.box,
        row["createdAt"] as DatabaseValue,
      ])
    }
    // With secure_delete on (DatabaseOpening), the freed pages are zeroed.
    try db.execute(sql: "DROP TABLE idempotency")
  }

  /// Migrates an organization's file to the latest version.
  ///
  /// A file that existed before v9 may keep cleartext outcomes where no table reaches them:
  /// in pages freed before secure_delete was on, in the unused space of reused pages, in old
  /// WAL frames. After v9 it is therefore rewritten once (VACUUM) and its WAL truncated; the
  /// marker migration that follows records it, so a rewrite that failed is tried again at the
  /// next open. A new file has nothing to rewrite.
  static func migrate(_ pool: some DatabaseWriter) throws {
    let migrator = self.migrator
    let applied = try pool.read { db in try migrator.appliedIdentifiers(db) }
    if !applied.isEmpty, !applied.contains(v9RewrittenName) {
      try migrator.migrate(pool, upTo: v9Name)
      try pool.vacuum()
      try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }
    try migrator.migrate(pool)
  }
}
