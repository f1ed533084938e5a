import Foundation
import GRDB
import OrderDomain

extension PostgresImport {
  /// Copies one organization's file into a new schema in one transaction, then compares them.
  static func importOrganization(
    _ organization: ImportSource.Organization, from source: DataDirectory, to storage: PostgresStorage
  ) async throws -> DatabaseReport {
    let id = organization.id
    let label = [organization.name, organization.kind].compactMap { $0 }.joined(separator: ", ")
    let schema = try PostgresSchema.organizationSchema(id)
    let name = "organization \(id)"
    guard organization.hasFile else {
      // The server makes an empty database at an organization's first open; so does this.
      _ = try await PostgresSchema.prepareOrganization(id, in: storage)
      return DatabaseReport(
        organization: id, label: label, tables: [], otherDifferences: [],
        note: "no file yet (never opened): its schema is created empty, as orderd would")
    }
    let store = try OrganizationStore.open(at: source.organizationURL(id), organizationID: id)
    defer { try? store.close() }
    let file = store.writer
    try await converting(in: .organization(id)) {
      try await storage.transaction(.write) { session in
        guard try PostgresSchema.prepareOrganization(id, session) else {
          throw DomainError.internalError("\(name): schema \(schema) appeared during the migration")
        }
        try session.execute(native: "SET CONSTRAINTS ALL DEFERRED")
        try file.read { db in try copy(db, session, schema: schema, database: name) }
      }
    }
    return try await compare(file, storage, schema: schema, database: name, organization: id, label: label)
  }

  /// Copies the registry into schema `orderd` (created and empty), then compares them.
  static func importRegistry(from source: DataDirectory, to storage: PostgresStorage) async throws -> DatabaseReport {
    let registry = try Registry(directory: source)
    defer { try? registry.close() }
    let file = registry.pool
    let schema = PostgresSchema.registrySchema
    try await converting(in: .registry) {
      try await storage.transaction(.write, prologue: ["SELECT 1 FROM \(schema).writer FOR UPDATE"]) { session in
        try session.execute(native: "SET CONSTRAINTS ALL DEFERRED")
        try file.read { db in try copy(db, session, schema: schema, database: "the registry") }
      }
    }
    return try await compare(file, storage, schema: schema, database: "the registry", organization: nil, label: "")
  }

  /// Copies every table, after checking that both sides are at the same schema version and
  /// have the same tables and columns; then moves the identities past SQLite's numbers.
  private static func copy(_ db: Database, _ session: PostgresSession, schema: String, database: String) throws {
    try checkVersion(db, session, schema: schema, database: database)
    let tables = try ImportTable.matching(
      sqlite: ImportTable.sqliteTables(db), postgres: ImportTable.postgresTables(session, schema: schema),
      emptied: schema == PostgresSchema.registrySchema ? emptiedColumns : [:], database: database)
    for table in tables {
      _ = try table.copy(from: db, to: session, schema: schema)
      try table.continueIdentities(from: db, in: session, schema: schema)
    }
  }

  /// Throws ``Failure/schemaMismatch(_:_:)`` unless the SQLite file and the schema record the
  /// same migrations.
  private static func checkVersion(_ db: Database, _ session: PostgresSession, schema: String, database: String)
    throws
  {
    let sqlite = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
    let postgres = Set(
      try session.values(native: "SELECT identifier FROM \(ImportTable.quoted(schema)).schema_migrations").rows
        .compactMap { String.fromDatabaseValue($0[0]) })
    guard sqlite == postgres else {
      let only =
        sqlite.subtracting(postgres).sorted().map { "'\($0)' only in SQLite" }
        + postgres.subtracting(sqlite).sorted().map { "'\($0)' only in PostgreSQL" }
      throw Failure.schemaMismatch(database, ["schema versions differ: " + only.joined(separator: ", ")])
    }
  }

  /// Reads every table back from both sides (one SQLite snapshot, one PostgreSQL snapshot).
  private static func compare(
    _ file: some DatabaseReader, _ storage: PostgresStorage, schema: String, database: String,
    organization: OrganizationID?, label: String
  ) async throws -> DatabaseReport {
    try await converting(in: organization.map { .organization($0) } ?? .registry) {
      try await storage.transaction(.read) { session in
        try file.read { db in
          let tables = try ImportTable.matching(
            sqlite: ImportTable.sqliteTables(db), postgres: ImportTable.postgresTables(session, schema: schema),
            emptied: schema == PostgresSchema.registrySchema ? emptiedColumns : [:], database: database)
          var report = DatabaseReport(
            organization: organization, label: label, tables: [], otherDifferences: [], note: nil)
          for table in tables {
            report.tables.append(try table.compare(db, session, schema: schema))
            report.otherDifferences += try table.compareIdentities(db, session, schema: schema)
          }
          return report
        }
      }
    }
  }

  /// Runs `body`, converting PostgreSQL's and SQLite's errors for `database`; this type's own
  /// failures pass as they are.
  private static func converting<T>(in database: StorageFailure.Database, _ body: () async throws -> T)
    async throws -> T
  {
    do {
      return try await body()
    } catch let failure as Failure {
      throw failure
    } catch {
      throw StorageFailure.converting(error, in: database)
    }
  }
}
