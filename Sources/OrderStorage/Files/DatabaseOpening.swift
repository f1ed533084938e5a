import Foundation
import GRDB

/// Opens SQLite files the same way everywhere: WAL, `synchronous=FULL`, foreign keys,
/// a busy timeout, `secure_delete`, and the file's migrations applied.
enum DatabaseOpening {
  /// How long a connection waits for a lock before failing with SQLITE_BUSY.
  static let busyTimeout: TimeInterval = 5

  /// Opens and migrates `url`. A file this build cannot use (damaged, unreadable, migrated
  /// by a newer orderd) throws a ``StorageFailure`` naming `database`.
  static func openPool(
    at url: URL, database: StorageFailure.Database, label: String, maximumReaderCount: Int,
    migrator: DatabaseMigrator, migrate: (DatabasePool) throws -> Void
  ) throws -> DatabasePool {
    var configuration = Configuration()
    configuration.label = label
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(busyTimeout)
    configuration.maximumReaderCount = maximumReaderCount
    let pool: DatabasePool
    do {
      pool = try DatabasePool(path: url.path, configuration: configuration)
    } catch {
      throw StorageFailure.converting(error, in: database)
    }
    do {
      // GRDB sets NORMAL when it enables WAL; acknowledged writes need FULL. The pool
      // keeps one writer connection, so setting it once applies to every write.
      let applied = try pool.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA synchronous = FULL")
        // Each job of a batch runs in a savepoint, whose sub-journal SQLite keeps in a
        // temporary file by default: one write per page the job touched.
        try db.execute(sql: "PRAGMA temp_store = MEMORY")
        // Deleted content is overwritten with zeros, freed pages too, so a copy of the file
        // does not keep what was deleted (issue 9). Debian's SQLite is built with it on;
        // set here so every build behaves the same.
        try db.execute(sql: "PRAGMA secure_delete = ON")
        return try migrator.appliedIdentifiers(db)
      }
      let unknown = SchemaVersion.unknown(applied, migrator: migrator)
      guard unknown.isEmpty else {
        throw StorageFailure(.newerSchema, in: database, detail: SchemaVersion.describe(unknown))
      }
      // A file whose schema is current (every open but the first of each version) needs no
      // migrator and no reader: opening it is the writer connection and the lines above.
      if applied.count < migrator.migrations.count {
        try migrate(pool)
        // Readers opened before the migrations (to read the applied ones) keep the old schema
        // until their next read transaction begins, and SQLite prepares a statement with the
        // schema it has: `SELECT *` would name the columns of before a dropped column (v11)
        // while its rows have the new ones. New readers start from the migrated schema.
        pool.invalidateReadOnlyConnections()
      }
    } catch {
      try? pool.close()
      throw StorageFailure.converting(error, in: database)
    }
    return pool
  }
}
