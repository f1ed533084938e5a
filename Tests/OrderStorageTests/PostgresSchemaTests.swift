import Foundation
import GRDB
import OrderDomain
import OrderTesting
import Testing

@testable import OrderStorage

/// Issue 14: the PostgreSQL baselines name the SQLite migrations they stand for.
@Suite("PostgreSQL baselines", .timeLimit(.minutes(1)))
struct PostgresBaselineTests {
  @Test("the organization baseline and the later PostgreSQL migrations stand for every SQLite organization migration")
  func organizationIdentifiers() {
    #expect(
      PostgresSchema.organizationBaselineMigrations + PostgresSchema.organizationMigrations.map(\.identifier)
        == OrganizationSchema.migrator.migrations)
  }

  @Test("the registry baseline stands for every SQLite registry migration")
  func registryIdentifiers() {
    #expect(PostgresSchema.registryBaselineMigrations == RegistrySchema.migrator.migrations)
  }

  @Test("organization schemas are named after their ids, one schema per id")
  func schemaNames() throws {
    let id = OrganizationID("1f0e7c1e-0000-4000-8000-00000000000a")
    #expect(try PostgresSchema.organizationSchema(id) == "org_1f0e7c1e_0000_4000_8000_00000000000a")
    #expect(
      try PostgresSchema.organizationSchema(OrganizationID("a-b"))
        != PostgresSchema.organizationSchema(OrganizationID("ab")))
    #expect(throws: DomainError.self) { try PostgresSchema.organizationSchema(OrganizationID("Robert'); DROP")) }
    #expect(throws: DomainError.self) {
      try PostgresSchema.organizationSchema(OrganizationID(String(repeating: "a", count: 60)))
    }
  }
}

/// Issue 14: an organization's PostgreSQL schema, and the registry's, are the SQLite ones.
@Suite(
  "PostgreSQL schemas", .enabled(if: TestPostgres.isAvailable, "needs ORDERD_TEST_POSTGRES"),
  .timeLimit(.minutes(2)))
struct PostgresSchemaTests {
  /// A column as both engines describe it: its name (lowercase, as PostgreSQL keeps
  /// unquoted names), its PostgreSQL type, and whether it may be NULL.
  struct Column: Hashable, CustomStringConvertible {
    var name: String
    var type: String
    var notNull: Bool
    var description: String { "\(name) \(type)\(notNull ? " NOT NULL" : "")" }
  }

  /// Tables of the schema that only one engine has: their bookkeeping.
  static let bookkeeping: Set<String> = [
    "grdb_migrations", "sqlite_sequence", "schema_migrations", "orderd_writer", "writer",
  ]

  /// SQLite's declared types as the baseline stores them.
  static let types = ["TEXT": "text", "DATETIME": "text", "INTEGER": "bigint", "BOOLEAN": "bigint", "BLOB": "bytea"]

  /// Every table's columns in order, from `PRAGMA table_info`; a primary key is never NULL.
  static func sqliteColumns(_ url: URL) throws -> [String: [Column]] {
    let queue = try DatabaseFiles.openReadOnly(url)
    defer { try? queue.close() }
    return try queue.read { db in
      var tables: [String: [Column]] = [:]
      for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
      where !bookkeeping.contains(table) {
        tables[table.lowercased()] = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { row in
          let declared: String = row["type"]
          return Column(
            name: (row["name"] as String).lowercased(), type: types[declared.uppercased()] ?? "unknown \(declared)",
            notNull: (row["notnull"] as Int) == 1 || (row["pk"] as Int) > 0)
        }
      }
      return tables
    }
  }

  /// Every table's columns in order, from `information_schema`, without `rowid` (a real
  /// column on PostgreSQL, implicit on SQLite).
  static func postgresColumns(_ storage: PostgresStorage, schema: String) async throws -> [String: [Column]] {
    let rows = try await storage.transaction(.read) { session in
      try session.values(
        """
        SELECT table_name::text, column_name::text, data_type::text, is_nullable::text FROM information_schema.columns
        WHERE table_schema = ? ORDER BY table_name, ordinal_position
        """, [schema.databaseValue]
      ).rows
    }
    var tables: [String: [Column]] = [:]
    for row in rows {
      let table = String.fromDatabaseValue(row[0])!
      let column = Column(
        name: String.fromDatabaseValue(row[1])!, type: String.fromDatabaseValue(row[2])!,
        notNull: String.fromDatabaseValue(row[3]) == "NO")
      guard !bookkeeping.contains(table), column.name != "rowid" else { continue }
      tables[table, default: []].append(column)
    }
    return tables
  }

  /// The names of `kind` (`index`, `trigger`) of an SQLite file, lowercase, without SQLite's
  /// automatic indexes.
  static func sqliteNames(_ url: URL, _ kind: String) throws -> Set<String> {
    let queue = try DatabaseFiles.openReadOnly(url)
    defer { try? queue.close() }
    return try queue.read { db in
      Set(
        try String.fetchAll(
          db, sql: "SELECT lower(name) FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_autoindex_%'",
          arguments: [kind]))
    }
  }

  /// The indexes of `schema` that its DDL named (not those of keys and UNIQUE constraints).
  static func postgresIndexes(_ storage: PostgresStorage, schema: String) async throws -> Set<String> {
    try await Set(
      storage.transaction(.read) { session in
        try session.values(
          """
          SELECT i.indexname FROM pg_indexes i WHERE i.schemaname = ? AND NOT EXISTS (
            SELECT 1 FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
            WHERE n.nspname = i.schemaname AND c.conname = i.indexname)
          """, [schema.databaseValue]
        ).rows.map { String.fromDatabaseValue($0[0])! }
      })
  }

  static func postgresTriggers(_ storage: PostgresStorage, schema: String) async throws -> Set<String> {
    try await Set(
      storage.transaction(.read) { session in
        try session.values(
          """
          SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND NOT t.tgisinternal
          """, [schema.databaseValue]
        ).rows.map { String.fromDatabaseValue($0[0])!.lowercased() }
      })
  }

  static func applied(_ storage: PostgresStorage, schema: String) async throws -> [String] {
    try await storage.transaction(.read) { session in
      try session.values("SELECT identifier FROM \(schema).schema_migrations ORDER BY identifier").rows
        .map { String.fromDatabaseValue($0[0])! }
    }
  }

  @Test("an organization's schema has the tables, columns, indexes and triggers of an SQLite file")
  func organization() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let url = temporary.directory.organizationURL(.random())
    try OrganizationStore.open(at: url, organizationID: .random()).close()
    let expected = try Self.sqliteColumns(url)
    try await TestPostgres.withStorage { storage in
      try await PostgresSchema.migrateRegistry(in: storage)
      let id = OrganizationID.random()
      #expect(try await PostgresSchema.prepareOrganization(id, in: storage))
      let schema = try PostgresSchema.organizationSchema(id)
      let columns = try await Self.postgresColumns(storage, schema: schema)
      #expect(columns.keys.sorted() == expected.keys.sorted())
      for (table, sqlite) in expected {
        #expect(columns[table] == sqlite, "\(table)")
      }
      #expect(expected.count == 24)
      #expect(try await Self.postgresIndexes(storage, schema: schema) == Self.sqliteNames(url, "index"))
      #expect(try await Self.postgresTriggers(storage, schema: schema) == Self.sqliteNames(url, "trigger"))
      #expect(try await Self.applied(storage, schema: schema) == OrganizationSchema.migrator.migrations.sorted())
    }
  }

  @Test("the registry has the tables, columns and indexes of registry.sqlite, and the claims of due work")
  func registry() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    try Registry(directory: temporary.directory).close()
    let url = temporary.directory.registryURL
    let expected = try Self.sqliteColumns(url)
    try await TestPostgres.withStorage { storage in
      try await PostgresSchema.migrateRegistry(in: storage)
      let columns = try await Self.postgresColumns(storage, schema: "orderd")
      // A claim's expiry is the claiming node's wall clock, as text on both engines.
      #expect(columns["wakeups"]?.last == Column(name: "claimexpiresat", type: "text", notNull: false))
      #expect(columns == expected)
      #expect(try await Self.postgresIndexes(storage, schema: "orderd") == Self.sqliteNames(url, "index"))
      #expect(try await Self.applied(storage, schema: "orderd") == RegistrySchema.migrator.migrations.sorted())
    }
  }

  @Test("nodes that start together create the registry and an organization once")
  func concurrentCreation() async throws {
    try await TestPostgres.withDatabase { location in
      let id = OrganizationID.random()
      let created = try await withThrowingTaskGroup(of: Bool.self) { group in
        for _ in 0..<3 {
          group.addTask {
            try await PostgresStorage.withRunning(location, logger: TestPostgres.quietLogger) { storage in
              try await PostgresSchema.migrateRegistry(in: storage)
              return try await PostgresSchema.prepareOrganization(id, in: storage)
            }
          }
        }
        return try await group.reduce(into: [Bool]()) { $0.append($1) }
      }
      #expect(created.count == 3)
      #expect(created.filter { $0 }.count == 1)
    }
  }

  /// The race CI met: node A looks for the schema and misses while node B, holding the lock,
  /// creates it; A waits for the lock, B commits, A takes the lock and looks again. A's second
  /// look must see B's schema, so A opens it rather than create it a second time. B creates a
  /// small schema here: a large one sends so many catalog changes that PostgreSQL may make A
  /// catch up on its caches before A looks again, and the stale look no longer shows.
  @Test("a node that missed the schema while another node created it finds it once it has the lock")
  func createdWhileWaitingForTheLock() async throws {
    try await TestPostgres.withDatabase { location in
      let id = OrganizationID.random()
      let schema = try PostgresSchema.organizationSchema(id)
      try await PostgresStorage.withRunning(location, logger: TestPostgres.quietLogger) { a in
        try await PostgresSchema.migrateRegistry(in: a)
        try await PostgresStorage.withRunning(location, logger: TestPostgres.quietLogger) { b in
          let (locked, lockedSignal) = AsyncStream.makeStream(of: Void.self)
          let aWaits = DispatchSemaphore(value: 0)
          async let createdByB: Void = b.transaction(.write) { session in
            try session.execute(native: "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [schema.databaseValue])
            lockedSignal.yield()
            // Blocks B's storage thread, not a task's, until A waits for the lock.
            guard aWaits.wait(timeout: .now() + 60) == .success else { throw CancellationError() }
            try session.execute(native: "CREATE SCHEMA \(schema)")
            try session.execute(native: "CREATE TABLE \(schema).schema_migrations (identifier text PRIMARY KEY)")
            for identifier in PostgresSchema.organizationBaselineMigrations {
              try session.execute(
                native: "INSERT INTO \(schema).schema_migrations VALUES ($1)", [identifier.databaseValue])
            }
          }
          for await _ in locked { break }
          async let createdByA = PostgresSchema.prepareOrganization(id, in: a)
          try await Self.waitForAdvisoryLockWaiter(b)
          aWaits.signal()
          try await createdByB
          #expect(try await !createdByA)
          // A opened B's schema as it was: it created none of its tables.
          #expect(try await Self.postgresColumns(b, schema: schema).isEmpty)
          #expect(try await Self.applied(b, schema: schema) == PostgresSchema.organizationBaselineMigrations.sorted())
        }
      }
    }
  }

  /// Polls until a session waits for an advisory lock.
  private static func waitForAdvisoryLockWaiter(_ storage: PostgresStorage) async throws {
    let deadline = ContinuousClock.now + .seconds(60)
    while ContinuousClock.now < deadline {
      let waiting = try await storage.withoutTransaction { session -> Int in
        let rows = try session.rows(
          native: "SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
        return rows.first?["n"] ?? 0
      }
      if waiting > 0 { return }
      try await Task.sleep(for: .milliseconds(10))
    }
    Issue.record("no session waited for the advisory lock within 60 s")
  }

  @Test("an organization at an older version is migrated forward when opened, once, though three nodes open it at once")
  func forwardMigration() async throws {
    let later = [
      PostgresMigration(identifier: "v90: notes", statements: ["CREATE TABLE notes (id bigint PRIMARY KEY)"]),
      PostgresMigration(
        identifier: "v91: note text",
        statements: ["ALTER TABLE notes ADD COLUMN text text", "INSERT INTO notes VALUES (1, 'kept')"]),
    ]
    try await TestPostgres.withDatabase { location in
      let id = OrganizationID.random()
      let schema = try PostgresSchema.organizationSchema(id)
      try await PostgresStorage.withRunning(location, logger: TestPostgres.quietLogger) { storage in
        try await PostgresSchema.migrateRegistry(in: storage)
        #expect(try await PostgresSchema.prepareOrganization(id, in: storage))  // at this build's version
        try await storage.transaction(.write) { session in
          try session.execute(
            "INSERT INTO \(schema).accounts (id, name, kind, createdAt) VALUES ('ACC-000001', 'Kept', 'customer', '2027-01-01 00:00:00.000')"
          )
        }
      }
      let created = try await withThrowingTaskGroup(of: Bool.self) { group in
        for _ in 0..<3 {
          group.addTask {
            try await PostgresStorage.withRunning(location, logger: TestPostgres.quietLogger) { storage in
              try await PostgresSchema.prepareOrganization(id, in: storage, migrations: later)
            }
          }
        }
        return try await group.reduce(into: [Bool]()) { $0.append($1) }
      }
      #expect(created == [false, false, false])
      try await PostgresStorage.withRunning(location, logger: TestPostgres.quietLogger) { storage in
        let (applied, notes, accounts) = try await storage.transaction(.read) { session in
          (
            try session.rows(native: "SELECT identifier FROM \(schema).schema_migrations").map { row -> String in
              row["identifier"]
            },
            try session.rows(native: "SELECT text FROM \(schema).notes").map { row -> String in row["text"] },
            try session.rows(native: "SELECT name FROM \(schema).accounts").map { row -> String in row["name"] }
          )
        }
        #expect(
          applied.filter { $0.hasPrefix("v9") && $0.contains("note") }.sorted() == ["v90: notes", "v91: note text"])
        #expect(notes == ["kept"], "each migration ran once")
        #expect(accounts == ["Kept"], "the organization's data stays")
        // This build (without them) now refuses it as newer, naming them.
        await #expect {
          try await PostgresSchema.prepareOrganization(id, in: storage)
        } throws: { error in
          (error as? StorageFailure)?.kind == .newerSchema && "\(error)".contains("v90: notes")
        }
      }
    }
  }

  @Test("a schema migrated by a newer orderd is refused, naming the migration")
  func newerSchema() async throws {
    try await TestPostgres.withStorage { storage in
      try await PostgresSchema.migrateRegistry(in: storage)
      let id = OrganizationID.random()
      _ = try await PostgresSchema.prepareOrganization(id, in: storage)
      let schema = try PostgresSchema.organizationSchema(id)
      try await storage.transaction(.write) { session in
        try session.execute(
          "INSERT INTO \(schema).schema_migrations (identifier) VALUES (?)", ["v99: the future".databaseValue])
      }
      await #expect {
        try await PostgresSchema.prepareOrganization(id, in: storage)
      } throws: { error in
        (error as? StorageFailure)?.kind == .newerSchema && "\(error)".contains("v99: the future")
      }
    }
  }
}
