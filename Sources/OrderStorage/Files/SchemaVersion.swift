import GRDB

/// The schema version of a file, as the migrations GRDB recorded in it (`grdb_migrations`).
enum SchemaVersion {
  /// The migrations applied to the file that `migrator` does not know: a newer orderd
  /// migrated it. Empty for a file of this version or an older one.
  static func unknownMigrations(_ db: Database, migrator: DatabaseMigrator) throws -> [String] {
    let known = Set(migrator.migrations)
    return try migrator.appliedIdentifiers(db).filter { !known.contains($0) }.sorted()
  }

  /// Throws ``StorageFailure/Kind/newerSchema`` when a newer orderd migrated the file:
  /// writing to it with an older schema could break what the newer one relies on.
  static func requireKnown(_ reader: some DatabaseReader, migrator: DatabaseMigrator, database: StorageFailure.Database)
    throws
  {
    let unknown = try reader.read { db in try unknownMigrations(db, migrator: migrator) }
    guard !unknown.isEmpty else { return }
    throw StorageFailure(.newerSchema, in: database, detail: Self.describe(unknown))
  }

  /// `unknown schema migrations 'v10: ...'`, for messages and `orderd check`.
  static func describe(_ unknown: [String]) -> String {
    "unknown schema migration\(unknown.count == 1 ? "" : "s") " + unknown.map { "'\($0)'" }.joined(separator: ", ")
  }
}
