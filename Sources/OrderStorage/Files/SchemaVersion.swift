import GRDB

/// The schema version of a file, as the migrations GRDB recorded in it (`grdb_migrations`).
enum SchemaVersion {
  /// The migrations applied to the file that `migrator` does not know: a newer orderd
  /// migrated it. Empty for a file of this version or an older one.
  static func unknownMigrations(_ db: Database, migrator: DatabaseMigrator) throws -> [String] {
    unknown(try migrator.appliedIdentifiers(db), migrator: migrator)
  }

  /// The identifiers of `applied` that `migrator` does not know, sorted.
  static func unknown(_ applied: Set<String>, migrator: DatabaseMigrator) -> [String] {
    let known = Set(migrator.migrations)
    return applied.filter { !known.contains($0) }.sorted()
  }

  /// `unknown schema migrations 'v10: ...'`, for messages and `orderd check`.
  static func describe(_ unknown: [String]) -> String {
    "unknown schema migration\(unknown.count == 1 ? "" : "s") " + unknown.map { "'\($0)'" }.joined(separator: ", ")
  }
}
