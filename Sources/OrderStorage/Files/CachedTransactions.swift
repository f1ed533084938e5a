import GRDB

/// Transactions and savepoints begun and ended through cached statements (issue 13).
///
/// GRDB's `inTransaction`, `inSavepoint` and `read` prepare their `BEGIN`, `COMMIT`,
/// `SAVEPOINT` and `RELEASE` statements anew each time, and every preparation runs SQLite's
/// parser and GRDB's authorizer: counted with a probe on `sqlite3_prepare_v3`, a `GetOrder`
/// prepared 2 statements and a `PlaceOrder` 5, none of them the call's own queries. These are
/// prepared once per connection.
extension Database {
  /// Runs `body` in a transaction of `kind`; commits when it returns, rolls back when it
  /// throws (unless SQLite rolled back already).
  func inCachedTransaction<T>(_ kind: CachedTransactionKind, _ body: () throws -> T) throws -> T {
    try cachedStatement(sql: kind.begin).execute()
    do {
      let value = try body()
      try cachedStatement(sql: "COMMIT TRANSACTION").execute()
      return value
    } catch {
      if isInsideTransaction { try? cachedStatement(sql: "ROLLBACK TRANSACTION").execute() }
      throw error
    }
  }

  /// Runs `body` in a savepoint inside the current transaction; releases it when `body`
  /// returns, rolls back to it (and releases it) when `body` throws, so that only what `body`
  /// did is undone.
  func inCachedSavepoint<T>(_ body: () throws -> T) throws -> T {
    try cachedStatement(sql: "SAVEPOINT cached").execute()
    do {
      let value = try body()
      try cachedStatement(sql: "RELEASE SAVEPOINT cached").execute()
      return value
    } catch {
      // SQLite may have rolled back the whole transaction itself (a full disk, an I/O error):
      // then there is no savepoint left to roll back to.
      if isInsideTransaction {
        try? cachedStatement(sql: "ROLLBACK TRANSACTION TO SAVEPOINT cached").execute()
        try? cachedStatement(sql: "RELEASE SAVEPOINT cached").execute()
      }
      throw error
    }
  }

  /// Runs `body` in a read-only transaction: one consistent snapshot, writes refused.
  func inCachedReadTransaction<T>(_ body: () throws -> T) throws -> T {
    try readOnly { try inCachedTransaction(.deferred, body) }
  }
}

/// How a cached transaction begins.
enum CachedTransactionKind {
  /// Takes the write lock at once (writes).
  case immediate
  /// Takes locks when first needed (reads).
  case deferred

  var begin: String {
    switch self {
    case .immediate: "BEGIN IMMEDIATE TRANSACTION"
    case .deferred: "BEGIN DEFERRED TRANSACTION"
    }
  }
}
