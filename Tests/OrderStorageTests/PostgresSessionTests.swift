import Foundation
import GRDB
import OrderDomain
import OrderTesting
import PostgresNIO
import Testing

@testable import OrderStorage

/// Issue 14: synchronous statements on PostgreSQL, with SQLite's savepoint semantics where
/// PostgreSQL would abort the whole transaction. (Expectations are checked outside the
/// transactions' closures, which run on the storage's threads.)
@Suite(
  "PostgreSQL sessions", .enabled(if: TestPostgres.isAvailable, "needs ORDERD_TEST_POSTGRES"),
  .timeLimit(.minutes(2)))
struct PostgresSessionTests {
  struct Refused: Error {}

  /// A storage on a database of its own with a table `t`.
  static func withTable<T: Sendable>(_ body: (PostgresStorage) async throws -> T) async throws -> T {
    try await TestPostgres.withStorage { storage in
      try await storage.transaction(.write) { session in
        try session.execute(native: "CREATE TABLE t (id text COLLATE \"C\" PRIMARY KEY, n bigint, x float8, b bytea)")
      }
      return try await body(storage)
    }
  }

  static func ids(_ storage: PostgresStorage) async throws -> [String] {
    try await storage.transaction(.read) { session in
      try session.rows("SELECT id FROM t ORDER BY id").map { $0["id"] }
    }
  }

  /// The error a transaction threw, or `nil`.
  static func failure(
    _ storage: PostgresStorage, _ kind: PostgresTransactionKind = .write, prologue: [String] = [],
    _ body: @escaping @Sendable (PostgresSession) throws -> Void
  ) async -> (any Error)? {
    do {
      try await storage.transaction(kind, prologue: prologue, body)
      return nil
    } catch {
      return error
    }
  }

  @Test("statements take SQLite's placeholders, return their changes, and rows decode as GRDB's")
  func statements() async throws {
    try await Self.withTable { storage in
      let (changes, rows, values, listed) = try await storage.transaction(.write) { session in
        let changes = [
          try session.execute(
            "INSERT INTO t (id, n, x, b) VALUES (?, ?, ?, ?), (?, ?, NULL, NULL)",
            [
              "a".databaseValue, 1.databaseValue, 2.5.databaseValue, Data([0, 255]).databaseValue, "b".databaseValue,
              2.databaseValue,
            ]),
          try session.execute(
            "UPDATE t SET n = ?1 + n WHERE n = ?2 OR id = ?3", [10.databaseValue, 1.databaseValue, "b".databaseValue]),
          try session.execute("UPDATE t SET x = ? WHERE id = ?", [.null, "b".databaseValue]),
          try session.execute("SELECT 1"),
        ]
        // Looked up by name, case-insensitively, as records do.
        let rows = try session.rows("SELECT id, n AS \"Count\", x, b FROM t WHERE id = ?", ["a".databaseValue]).map {
          row -> [DatabaseValue] in [row["id"], row["count"], row["x"], row["b"]]
        }
        let values = try session.values("SELECT n, id FROM t ORDER BY id")
        let listed = try session.rows(
          "SELECT id FROM t WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id", [#"["a","b","z"]"#.databaseValue]
        )
        return (changes, rows, values, listed.map { (row: Row) -> String in row["id"] })
      }
      #expect(changes == [2, 2, 1, 0])
      #expect(rows == [["a".databaseValue, 11.databaseValue, 2.5.databaseValue, Data([0, 255]).databaseValue]])
      #expect(values.columns == ["n", "id"])
      #expect(values.rows == [[11.databaseValue, "a".databaseValue], [12.databaseValue, "b".databaseValue]])
      #expect(listed == ["a", "b"])
    }
  }

  @Test("every connection ends a transaction left idle for a minute, and drops a silent peer after 3 probes from 10 s")
  func connectionSettings() async throws {
    let settings = try await TestPostgres.withStorage { storage in
      try await storage.transaction(.read) { session in
        try session.values(
          """
          SELECT current_setting('idle_in_transaction_session_timeout'), current_setting('tcp_keepalives_idle'),
            current_setting('tcp_keepalives_interval'), current_setting('tcp_keepalives_count')
          """
        ).rows
      }
    }
    #expect(settings == [["1min", "10", "5", "3"].map(\.databaseValue)])
  }

  @Test("a transaction that throws keeps nothing")
  func rollback() async throws {
    try await Self.withTable { storage in
      let error = await Self.failure(storage) { session in
        try session.execute("INSERT INTO t (id) VALUES (?)", ["a".databaseValue])
        throw Refused()
      }
      #expect(error is Refused)
      let kept = try await Self.ids(storage)
      #expect(kept == [])
    }
  }

  @Test("after an error in a savepoint the transaction goes on, without what the savepoint did")
  func savepointAfterError() async throws {
    try await Self.withTable { storage in
      let (caught, abortedAfter, depthAfter) = try await storage.transaction(.write) { session in
        try session.execute("INSERT INTO t (id) VALUES (?)", ["a".databaseValue])
        var caught: (any Error)?
        do {
          try session.savepoint {
            try session.execute("INSERT INTO t (id) VALUES (?)", ["b".databaseValue])
            try session.execute("INSERT INTO t (id) VALUES (?)", ["a".databaseValue])
          }
        } catch {
          caught = StorageFailure.converting(error, in: .registry)
        }
        let aborted = session.isAborted
        let depth = session.savepointDepth
        try session.savepoint { try session.savepoint { try session.execute("INSERT INTO t (id) VALUES ('c')") } }
        return ((caught as? DomainError)?.code, aborted, depth)
      }
      #expect(caught == .alreadyExists)
      #expect(!abortedAfter)
      #expect(depthAfter == 0)
      #expect(try await Self.ids(storage) == ["a", "c"])
    }
  }

  @Test("a statement after a caught error is refused, and the transaction is not committed")
  func abortedGuard() async throws {
    try await Self.withTable { storage in
      let refused = await Self.failure(storage) { session in
        try session.execute("INSERT INTO t (id) VALUES ('a')")
        _ = try? session.execute("INSERT INTO t (id) VALUES ('a')")
        try session.execute("INSERT INTO t (id) VALUES ('b')")
      }
      let cause = (refused as? PostgresAborted)?.cause as? PSQLError
      #expect(cause?.serverInfo?[.sqlState] == "23505")

      // Caught and not rethrown: PostgreSQL would roll back at COMMIT without a word.
      let swallowed = await Self.failure(storage) { session in
        try session.execute("INSERT INTO t (id) VALUES ('a')")
        _ = try? session.execute("INSERT INTO t (id) VALUES ('a')")
      }
      #expect(swallowed is PostgresAborted)
      #expect(try await Self.ids(storage) == [])

      // A savepoint whose body caught a statement error is undone; the transaction goes on.
      let inSavepoint = try await storage.transaction(.write) { session -> Bool in
        try session.execute("INSERT INTO t (id) VALUES ('a')")
        var refused = false
        do {
          try session.savepoint {
            try session.execute("INSERT INTO t (id) VALUES ('b')")
            _ = try? session.execute("INSERT INTO t (id) VALUES ('a')")
          }
        } catch {
          refused = error is PostgresAborted
        }
        try session.execute("INSERT INTO t (id) VALUES ('c')")
        return refused
      }
      #expect(inSavepoint)
      #expect(try await Self.ids(storage) == ["a", "c"])
    }
  }

  @Test("outside a transaction a failed statement does not stop the next one")
  func withoutTransaction() async throws {
    try await Self.withTable { storage in
      let inserted = try await storage.withoutTransaction { session -> Int in
        _ = try? session.execute("INSERT INTO t (id) VALUES ('a'), ('a')")
        return try session.execute("INSERT INTO t (id) VALUES ('b')")
      }
      #expect(inserted == 1)
      let kept = try await Self.ids(storage)
      #expect(kept == ["b"])
    }
  }

  @Test("violations in an organization's schema: 23505, 23503, and 23000 from the immutability triggers")
  func errorMapping() async throws {
    try await TestPostgres.withStorage { storage in
      try await PostgresSchema.migrateRegistry(in: storage)
      let id = OrganizationID.random()
      _ = try await PostgresSchema.prepareOrganization(id, in: storage)
      let prologue = [
        PostgresSchema.searchPath(try PostgresSchema.organizationSchema(id)), "SELECT 1 FROM orderd_writer FOR UPDATE",
      ]
      func converted(
        _ kind: PostgresTransactionKind = .write, _ body: @escaping @Sendable (PostgresSession) throws -> Void
      ) async -> DomainError? {
        guard let error = await Self.failure(storage, kind, prologue: prologue, body) else { return nil }
        let converted = StorageFailure.converting(error, in: .organization(id))
        return (converted as? DomainError) ?? (converted as? StorageFailure)?.domainError
      }
      let account = "INSERT INTO accounts (id, name, kind, createdAt) VALUES ('ACC-000001', 'A', 'customer', 't')"
      let duplicate = await converted { session in
        try session.execute(account)
        try session.execute(account)
      }
      #expect(duplicate?.code == .alreadyExists)
      #expect(duplicate?.message.contains("SQLSTATE 23505") == true)

      let missing = await converted { session in
        try session.execute(
          "INSERT INTO accounts (id, name, kind, resellerID, createdAt) VALUES ('ACC-2', 'B', 'customer', 'ACC-404', 't')"
        )
      }
      #expect(missing?.code == .failedPrecondition)
      #expect(missing?.message.contains("SQLSTATE 23503") == true)

      let appendOnly = await converted { session in
        try session.execute(
          "INSERT INTO notifications (type, time, subjectKind, subjectID, text) VALUES ('a', 't', 'order', 'o', 'x')")
        try session.execute("UPDATE notifications SET text = 'changed'")
      }
      #expect(appendOnly?.code == .failedPrecondition)
      #expect(appendOnly?.message.contains("SQLSTATE 23000") == true)
      #expect(appendOnly?.message.contains("the notification log is append-only") == true)

      let readOnly = await converted(.read) { session in try session.execute(account) }
      #expect(readOnly?.code == .unavailable)
      #expect(readOnly?.message.contains("SQLSTATE 25006") == true)
    }
  }

  @Test("autoincrement keys are identities: RETURNING gives the new one, and none is reused")
  func identities() async throws {
    try await TestPostgres.withStorage { storage in
      try await PostgresSchema.migrateRegistry(in: storage)
      let id = OrganizationID.random()
      _ = try await PostgresSchema.prepareOrganization(id, in: storage)
      let prologue = [PostgresSchema.searchPath(try PostgresSchema.organizationSchema(id))]
      let insert = "INSERT INTO jobs (kind, subject, dueAt, createdAt) VALUES (?, ?, ?, ?) RETURNING id"
      let arguments = ["renewal", "s", "d", "c"].map(\.databaseValue)
      let first = try await storage.transaction(.write, prologue: prologue) { session -> Int64? in
        guard let id: Int64 = try session.rows(insert, arguments).first?["id"] else { return nil }
        try session.execute("DELETE FROM jobs WHERE id = ?", [id.databaseValue])
        return id
      }
      let second = try await storage.transaction(.write, prologue: prologue) { session -> Int64? in
        try session.rows(insert, arguments).first?["id"]
      }
      #expect(try #require(second) > #require(first))
    }
  }
}
