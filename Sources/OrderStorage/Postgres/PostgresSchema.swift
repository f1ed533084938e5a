import Foundation
import GRDB
import OrderDomain

/// The PostgreSQL schemas (issue 14): the registry in schema `orderd`, each organization in
/// its own schema `org_<id>` (the unit Citus's schema-based sharding distributes).
///
/// A schema is born at a baseline equal to the SQLite schema of the same version, and records
/// the same migration identifiers (in its `schema_migrations`), so that both engines name
/// their versions alike; an identifier this build does not know means a newer orderd
/// migrated it (``StorageFailure/Kind/newerSchema``). The SQLite-only steps (v9's rewrite,
/// v11's data move) have no counterpart: nothing older than the baseline exists here.
/// Versions after the baseline are ``PostgresMigration``s, applied in order when a schema is
/// opened (as SQLite's migrator does with a file), under the same advisory lock.
/// DDL is transactional, so a schema is created or migrated whole or not at all, under an
/// advisory lock so that two nodes do it once.
enum PostgresSchema {
  /// The registry's schema.
  static let registrySchema = "orderd"
  /// The advisory lock under which the registry is created or migrated.
  static let registryLock = 1_404_001

  /// The SQLite organization migrations the baseline stands for, v1 to v12.
  static let organizationBaselineMigrations = [
    OrganizationSchema.v1Name, OrganizationSchema.v2Name, OrganizationSchema.v3Name, OrganizationSchema.v4Name,
    OrganizationSchema.v5Name, OrganizationSchema.v6Name, OrganizationSchema.v7Name, OrganizationSchema.v8Name,
    OrganizationSchema.v9Name, OrganizationSchema.v9RewrittenName, OrganizationSchema.v10Name,
    OrganizationSchema.v11Name, OrganizationSchema.v12Name,
  ]

  /// The organization versions after the baseline (v13 and later, none yet), in order; each
  /// has a migration of the same identifier in ``OrganizationSchema/migrator``.
  static let organizationMigrations: [PostgresMigration] = []

  /// The SQLite registry migrations the baseline stands for, v1 to v5.
  static let registryBaselineMigrations = [
    "v1: organizations, API keys, server state", "v2: wakeups", "v3: child accounts", "v4: operations",
    "v5: claims of due work",
  ]

  /// The schema of organization `id`: `org_` and the id, its dashes as underscores (ids are
  /// lowercase letters, digits and dashes, so no two ids share a schema).
  ///
  /// - Throws: ``DomainError/internalError(_:)`` for an id that is not well formed or too
  ///   long for a PostgreSQL name (63 bytes).
  static func organizationSchema(_ id: OrganizationID) throws -> String {
    let name = "org_" + id.rawValue.replacingOccurrences(of: "-", with: "_")
    guard id.isWellFormed, name.utf8.count <= 63 else {
      throw DomainError.internalError("organization id '\(id)' cannot name a PostgreSQL schema")
    }
    return name
  }

  /// The statement that makes `schema` the one unqualified names resolve to, until the end
  /// of the transaction.
  static func searchPath(_ schema: String) -> String {
    "SELECT set_config('search_path', '\(schema)', true)"
  }

  /// Creates the registry (and what all schemas share) at the baseline unless it exists, or
  /// checks that this build knows its version. Runs once per node at start.
  ///
  /// - Throws: ``StorageFailure`` (``StorageFailure/Kind/newerSchema`` among them).
  static func migrateRegistry(in storage: PostgresStorage) async throws {
    do {
      try await storage.transaction(.write) { session in try migrateRegistry(session) }
    } catch {
      throw StorageFailure.converting(error, in: .registry)
    }
  }

  static func migrateRegistry(_ session: PostgresSession) throws {
    try session.execute(native: "SELECT pg_advisory_xact_lock(\(registryLock))")
    if try hasMigrations(session, schema: registrySchema) {
      let missing = try checkVersion(
        session, schema: registrySchema, known: registryBaselineMigrations, database: .registry)
      guard missing.isEmpty else {
        throw DomainError.internalError("the registry misses migrations \(missing): it was never at the baseline")
      }
      return
    }
    for statement in shared { try session.execute(native: statement) }
    try create(session, schema: registrySchema, baseline: registryBaseline, migrations: registryBaselineMigrations)
  }

  /// Creates organization `id`'s schema at the baseline unless it exists, or checks that
  /// this build knows its version. The registry must exist (``migrateRegistry(in:)``).
  ///
  /// - Returns: whether the schema was created.
  /// - Throws: ``StorageFailure`` (``StorageFailure/Kind/newerSchema`` among them).
  static func prepareOrganization(
    _ id: OrganizationID, in storage: PostgresStorage, migrations: [PostgresMigration] = organizationMigrations
  ) async throws -> Bool {
    do {
      return try await storage.transaction(.write) { session in
        try prepareOrganization(id, session, migrations: migrations)
      }
    } catch {
      throw StorageFailure.converting(error, in: .organization(id))
    }
  }

  static func prepareOrganization(
    _ id: OrganizationID, _ session: PostgresSession, migrations: [PostgresMigration] = organizationMigrations
  ) throws -> Bool {
    let schema = try organizationSchema(id)
    let database = StorageFailure.Database.organization(id)
    let known = organizationBaselineMigrations + migrations.map(\.identifier)
    if try hasMigrations(session, schema: schema) {
      let missing = try checkVersion(session, schema: schema, known: known, database: database)
      if missing.isEmpty { return false }
    }
    try session.execute(native: "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [schema.databaseValue])
    // Another node may have created or migrated it while this one waited for the lock.
    if try hasMigrations(session, schema: schema) {
      let missing = try checkVersion(session, schema: schema, known: known, database: database)
      try apply(migrations.filter { missing.contains($0.identifier) }, to: schema, session)
      return false
    }
    let shared = try session.rows(native: "SELECT to_regprocedure('orderd.refuse()') IS NOT NULL AS present")
    guard Self.isPresent(shared) else {
      throw DomainError.internalError("\(database): the registry schema is missing; create it before organizations")
    }
    try create(session, schema: schema, baseline: organizationBaseline, migrations: organizationBaselineMigrations)
    try apply(migrations, to: schema, session)
    return true
  }

  /// Applies `migrations` to `schema`, in order, each recorded by its identifier.
  private static func apply(_ migrations: [PostgresMigration], to schema: String, _ session: PostgresSession) throws {
    guard !migrations.isEmpty else { return }
    try session.execute(native: searchPath(schema))
    for migration in migrations {
      for statement in migration.statements { try session.execute(native: statement) }
      try session.execute(
        native: "INSERT INTO \(schema).schema_migrations (identifier) VALUES ($1)", [migration.identifier.databaseValue]
      )
    }
  }

  private static func create(
    _ session: PostgresSession, schema: String, baseline: [String], migrations: [String]
  ) throws {
    try session.execute(native: "CREATE SCHEMA IF NOT EXISTS \(schema)")
    try session.execute(native: searchPath(schema))
    for statement in baseline { try session.execute(native: statement) }
    for identifier in migrations {
      try session.execute(
        native: "INSERT INTO \(schema).schema_migrations (identifier) VALUES ($1)", [identifier.databaseValue])
    }
  }

  /// Whether `schema` exists with its `schema_migrations`, as committed when the statement
  /// starts.
  ///
  /// The catalog is read as a table, with the statement's snapshot, rather than through
  /// `to_regclass`: that goes through the session's catalog caches, and a name cached as
  /// missing before another node created the schema could still read as missing after this
  /// session waited for that node's lock, so the schema would be created a second time
  /// (CI saw `relation "schema_migrations" already exists`).
  static func hasMigrations(_ session: PostgresSession, schema: String) throws -> Bool {
    let rows = try session.rows(
      native: """
        SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = $1 AND tablename = 'schema_migrations')
          AS present
        """, [schema.databaseValue])
    return isPresent(rows)
  }

  /// The answer of a `SELECT … IS NOT NULL AS present`.
  private static func isPresent(_ rows: [Row]) -> Bool {
    guard let row = rows.first else { return false }
    let present: Bool = row["present"]
    return present
  }

  /// Throws ``StorageFailure/Kind/newerSchema`` when `schema` records a migration that is not
  /// in `known`; returns those of `known` it does not record, in order.
  @discardableResult
  private static func checkVersion(
    _ session: PostgresSession, schema: String, known: [String], database: StorageFailure.Database
  ) throws -> [String] {
    let applied = try session.rows(native: "SELECT identifier FROM \(schema).schema_migrations")
      .map { row -> String in row["identifier"] }
    let unknown = Set(applied).subtracting(known).sorted()
    guard unknown.isEmpty else {
      throw StorageFailure(.newerSchema, in: database, detail: SchemaVersion.describe(unknown))
    }
    return known.filter { !applied.contains($0) }
  }

  /// The statements of a DDL text, one per `;` at the end of a line.
  static func statements(_ ddl: String) -> [String] {
    ddl.components(separatedBy: ";\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
      .map { $0.hasSuffix(";") ? String($0.dropLast()) : $0 }.filter { !$0.isEmpty }
  }
}

/// A version of a PostgreSQL schema after its baseline: the identifier SQLite's migration of
/// the same version has, and PostgreSQL's DDL for it (run with the schema as `search_path`).
struct PostgresMigration: Sendable {
  let identifier: String
  let statements: [String]
}
