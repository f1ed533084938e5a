import GRDB

@testable import OrderStorage

/// Ways tests reach under an organization's store: its file made whole, a full disk played.
extension OrganizationStore {
  /// Moves everything from the WAL into the file and empties the WAL, so that the file alone
  /// holds the data.
  public func checkpointForTests() async throws {
    try await writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
  }

  /// Plays a full disk: the file may not grow past its current size (SQLite's
  /// `max_page_count`, a setting of the writer connection until it closes).
  public func limitToCurrentSize() async throws {
    try await writer.writeWithoutTransaction { db in
      let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 1
      try db.execute(sql: "PRAGMA max_page_count = \(pages)")
    }
  }

  /// Space is back: the file may grow again.
  public func removePageLimit() async throws {
    try await writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = 1073741823") }
  }
}

/// Statements the storage never runs, for tests of what the schema refuses.
extension OrganizationStore {
  /// Runs `sql` in a transaction of its own, on either engine, and throws the database's own
  /// error (GRDB's `DatabaseError`, postgres-nio's `PSQLError`), unconverted.
  public func executeForTests(_ sql: String) async throws {
    switch engine {
    case .sqlite(let connections): try await connections.writer.write { db in try db.execute(sql: sql) }
    case .postgres(let organization): _ = try await organization.write { session in try session.execute(sql) }
    }
  }
}
