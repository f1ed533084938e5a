import Foundation
import GRDB

/// Opens SQLite files the same way everywhere: WAL, `synchronous=FULL`, foreign keys,
/// a busy timeout, `secure_delete`, and the file's migrations applied.
enum DatabaseOpening {
  /// How long a connection waits for a lock before failing with SQLITE_BUSY.
  static let busyTimeout: TimeInterval = 5

  /// Opens and migrates `url` as a pool (the registry: one writer, concurrent readers).
  /// A file this build cannot use (damaged, unreadable, migrated by a newer orderd) throws a
  /// ``StorageFailure`` naming `database`.
  static func openPool(
    at url: URL, database: StorageFailure.Database, label: String, maximumReaderCount: Int,
    migrator: DatabaseMigrator, migrate: (DatabasePool) throws -> Void
  ) throws -> DatabasePool {
    var configuration = self.configuration(label: label)
    configuration.maximumReaderCount = maximumReaderCount
    let pool: DatabasePool
    do {
      pool = try DatabasePool(path: url.path, configuration: configuration)
    } catch {
      throw StorageFailure.converting(error, in: database)
    }
    // GRDB sets NORMAL when it enables WAL (after `prepareDatabase`); acknowledged writes
    // need FULL. The pool keeps one writer connection, so setting it once applies to every
    // write.
    try prepare(pool, database: database, setUp: "PRAGMA synchronous = FULL", migrator: migrator, migrate: migrate)
    // Readers opened before the migrations (to read the applied ones) keep the old schema
    // until their next read transaction begins, and SQLite prepares a statement with the
    // schema it has: `SELECT *` would name the columns of before a dropped column (v11)
    // while its rows have the new ones. New readers start from the migrated schema.
    pool.invalidateReadOnlyConnections()
    return pool
  }

  /// Opens and migrates `url` as one connection (an organization, issue 13): no reader
  /// connections, and none of the pool's set-up writes. The file must be in WAL mode already
  /// or become so here (a file made from ``OrganizationTemplate`` is).
  static func openQueue(
    at url: URL, database: StorageFailure.Database, label: String,
    migrator: DatabaseMigrator, migrate: (DatabaseQueue) throws -> Void
  ) throws -> DatabaseQueue {
    let queue: DatabaseQueue
    do {
      queue = try DatabaseQueue(path: url.path, configuration: configuration(label: label))
    } catch {
      throw StorageFailure.converting(error, in: database)
    }
    // WAL is a property of the file: this changes nothing (and writes nothing) when it is
    // set already.
    try prepare(queue, database: database, setUp: "PRAGMA journal_mode = WAL", migrator: migrator, migrate: migrate)
    return queue
  }

  /// Opens a second connection to a file that `openQueue` opened, for reads while the first
  /// one writes (``OrganizationConnections``). Nothing is migrated: the first one did.
  static func openReader(at url: URL, database: StorageFailure.Database, label: String) throws -> DatabaseQueue {
    do {
      return try DatabaseQueue(path: url.path, configuration: configuration(label: label))
    } catch {
      throw StorageFailure.converting(error, in: database)
    }
  }

  private static func configuration(label: String) -> Configuration {
    var configuration = Configuration()
    configuration.label = label
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(busyTimeout)
    configuration.prepareDatabase { db in
      // Acknowledged writes need FULL (set again on a pool's writer, after GRDB's WAL set-up).
      try db.execute(sql: "PRAGMA synchronous = FULL")
      // Each job of a batch runs in a savepoint, whose sub-journal SQLite keeps in a
      // temporary file by default: one write per page the job touched.
      try db.execute(sql: "PRAGMA temp_store = MEMORY")
      // Deleted content is overwritten with zeros, freed pages too, so a copy of the file
      // does not keep what was deleted (issue 9). Debian's SQLite is built with it on;
      // set here so every build behaves the same.
      try db.execute(sql: "PRAGMA secure_delete = ON")
    }
    return configuration
  }

  /// Runs `setUp` on a newly opened `writer`, checks its schema and migrates it when it is
  /// behind; closes it and throws when it cannot be used.
  private static func prepare<Writer: DatabaseWriter>(
    _ writer: Writer, database: StorageFailure.Database, setUp: String, migrator: DatabaseMigrator,
    migrate: (Writer) throws -> Void
  ) throws {
    do {
      let applied = try writer.writeWithoutTransaction { db in
        try db.execute(sql: setUp)
        return try migrator.appliedIdentifiers(db)
      }
      let unknown = SchemaVersion.unknown(applied, migrator: migrator)
      guard unknown.isEmpty else {
        throw StorageFailure(.newerSchema, in: database, detail: SchemaVersion.describe(unknown))
      }
      // A file whose schema is current (every open but the first of each version) needs no
      // migrator: opening it is the connection and the lines above.
      if applied.count < migrator.migrations.count {
        try migrate(writer)
      }
    } catch {
      try? writer.close()
      throw StorageFailure.converting(error, in: database)
    }
  }
}
