import GRDB
import Logging
import NIOCore
import PostgresNIO

/// One connection's statements, run synchronously on a thread of ``PostgresStorage``'s pool
/// (issue 14): the storage's methods stay synchronous on both engines.
///
/// Each statement is sent on the leased connection and its answer waited for, blocking the
/// thread (never an event loop's). Statements are in the storage's SQL, translated by
/// ``PostgresDialect``; arguments and results are GRDB's values (``PostgresValues``).
///
/// Unlike SQLite, PostgreSQL aborts the whole transaction when a statement fails: every
/// statement after it fails too, until a savepoint from before the failure is rolled back to.
/// The session remembers the failure and refuses further statements with ``PostgresAborted``
/// (naming the first error) instead of sending them; ``savepoint(_:)`` rolls back and lets the
/// transaction go on. Not `Sendable`: it never leaves the thread it was made on.
final class PostgresSession {
  let connection: PostgresConnection
  let logger: Logger
  /// How many savepoints are open.
  private(set) var savepointDepth = 0
  /// The failure that aborted the transaction, until a savepoint from before it is rolled back.
  private(set) var abortingError: (any Error)?
  /// What the transaction asked to tell other nodes when it commits (``SQL/onCommit(_:)``),
  /// sent by ``PostgresWriteQueue`` before `COMMIT`.
  var commitSignals: [CommitSignal] = []
  /// Whether a transaction is open (outside one, each statement commits by itself, and a
  /// failed one aborts nothing).
  private var isInTransaction = false
  /// The error that showed the connection gone (closed by the server, or broken): nothing is
  /// sent on it any more. postgres-nio can leave a statement sent on a connection that is
  /// closing unanswered forever, so the session never tries.
  private var connectionLoss: (any Error)?

  init(connection: PostgresConnection, logger: Logger) {
    self.connection = connection
    self.logger = logger
  }

  /// Whether an error aborted the transaction (statements would be refused).
  var isAborted: Bool { abortingError != nil }

  /// Runs a statement; returns the number of rows it inserted, updated or deleted.
  @discardableResult
  func execute(_ sql: String, _ arguments: [DatabaseValue] = []) throws -> Int {
    Self.changes(try run(PostgresDialect.translate(sql), arguments).metadata)
  }

  /// Runs a query; its rows as GRDB rows, whose columns are looked up by name (as records do).
  ///
  /// A GRDB row built from values keeps no column order: read columns by name, or use
  /// ``values(_:_:)`` for positions. Of two columns of one name the leftmost is kept, as
  /// GRDB's lookup by name finds it.
  func rows(_ sql: String, _ arguments: [DatabaseValue] = []) throws -> [Row] {
    try Self.rows(of: try run(PostgresDialect.translate(sql), arguments))
  }

  /// Runs a query; its columns and values in order.
  func values(_ sql: String, _ arguments: [DatabaseValue] = []) throws -> PostgresResult {
    try PostgresResult(try run(PostgresDialect.translate(sql), arguments))
  }

  /// Runs a statement in PostgreSQL's own SQL (DDL, the prologue), not translated.
  @discardableResult
  func execute(native sql: String, _ arguments: [DatabaseValue] = []) throws -> Int {
    Self.changes(try run(sql, arguments).metadata)
  }

  /// Runs a query in PostgreSQL's own SQL, not translated; its rows as GRDB rows.
  func rows(native sql: String, _ arguments: [DatabaseValue] = []) throws -> [Row] {
    try Self.rows(of: try run(sql, arguments))
  }

  /// Runs a query in PostgreSQL's own SQL, not translated; its columns and values in order.
  func values(native sql: String, _ arguments: [DatabaseValue] = []) throws -> PostgresResult {
    try PostgresResult(try run(sql, arguments))
  }

  /// Runs `body` in a savepoint: what it did is kept when it returns, undone when it throws
  /// (its error is rethrown), and the transaction goes on either way.
  ///
  /// A statement error that `body` caught without throwing cannot be kept on PostgreSQL (the
  /// savepoint is aborted): the savepoint is undone and ``PostgresAborted`` thrown.
  @discardableResult
  func savepoint<T>(_ body: () throws -> T) throws -> T {
    savepointDepth += 1
    defer { savepointDepth -= 1 }
    let name = "s\(savepointDepth)"
    try run("SAVEPOINT \(name)")
    do {
      let value = try body()
      if let abortingError { throw PostgresAborted(cause: abortingError) }
      try run("RELEASE SAVEPOINT \(name)")
      return value
    } catch {
      // Undone whatever failed; a failure to undo (the connection lost) leaves the session
      // aborted, so nothing more is sent on it.
      if (try? send("ROLLBACK TO SAVEPOINT \(name)")) != nil {
        abortingError = nil
        _ = try? send("RELEASE SAVEPOINT \(name)")
      }
      throw error
    }
  }

  /// Runs `body` in one transaction of `kind`, after the `prologue` statements (PostgreSQL's
  /// own SQL): committed when it returns, rolled back when it throws.
  ///
  /// A statement error that `body` caught without throwing rolls the transaction back and
  /// throws ``PostgresAborted``: PostgreSQL would have rolled it back at `COMMIT` silently.
  @discardableResult
  func inTransaction<T>(
    _ kind: PostgresTransactionKind, prologue: [String] = [], _ body: (PostgresSession) throws -> T
  ) throws -> T {
    try run(kind.begin)
    isInTransaction = true
    defer { isInTransaction = false }
    let value: T
    do {
      for statement in prologue { try run(statement) }
      value = try body(self)
      if let abortingError { throw PostgresAborted(cause: abortingError) }
    } catch {
      rollBack()
      throw error
    }
    try run("COMMIT")
    return value
  }

  /// Whether the connection is known to be gone: nothing more can be sent on it.
  var isConnectionLost: Bool { connectionLoss != nil || connection.isClosed }

  /// Ends the transaction without keeping anything. A connection that cannot even roll back
  /// is closed, so that the pool never hands out a connection inside a transaction.
  private func rollBack() {
    abortingError = nil
    savepointDepth = 0
    if isConnectionLost {
      // The server rolled back when the connection ended. Closed before it goes back to the
      // pool, which drops a closed connection.
      try? connection.close().wait()
      return
    }
    do {
      try send("ROLLBACK")
    } catch {
      logger.warning("closing a PostgreSQL connection that failed to roll back: \(String(reflecting: error))")
      let _: EventLoopFuture<Void> = connection.close()
    }
  }

  /// Sends a statement unless the transaction is aborted.
  @discardableResult
  private func run(_ sql: String, _ arguments: [DatabaseValue] = []) throws -> PostgresQueryResult {
    if let abortingError { throw PostgresAborted(cause: abortingError) }
    return try send(sql, arguments)
  }

  /// Sends a statement and waits for its answer; an error aborts the transaction.
  @discardableResult
  private func send(_ sql: String, _ arguments: [DatabaseValue] = []) throws -> PostgresQueryResult {
    assert(!connection.eventLoop.inEventLoop, "PostgreSQL statements block: never run them on an event loop")
    if let connectionLoss { throw connectionLoss }
    if connection.isClosed { throw PostgresConnectionLost() }
    let query = PostgresQuery(unsafeSQL: sql, binds: PostgresValues.bindings(arguments))
    do {
      return try connection.query(query, logger: logger).wait()
    } catch {
      if isInTransaction { abortingError = error }
      if Self.losesConnection(error) { connectionLoss = error }
      throw error
    }
  }

  /// Whether `error` ends the connection: it is closed or broken, or the server ended the
  /// session (a FATAL error, as `pg_terminate_backend` or a shutdown sends).
  static func losesConnection(_ error: any Error) -> Bool {
    guard let error = error as? PSQLError else { return false }
    switch error.code {
    case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown, .poolClosed:
      return true
    case .server:
      let severity = error.serverInfo?[.severity] ?? error.serverInfo?[.localizedSeverity]
      return severity == "FATAL" || severity == "PANIC"
    default:
      return false
    }
  }

  /// The rows a statement changed, from its command tag (`INSERT 0 3`, `UPDATE 2`, …).
  static func changes(_ metadata: PostgresQueryMetadata) -> Int {
    switch metadata.command {
    case "INSERT", "UPDATE", "DELETE": return metadata.rows ?? 0
    default: return 0
    }
  }

  static func rows(of result: PostgresQueryResult) throws -> [Row] {
    try result.rows.map { row in
      var values: [String: (any DatabaseValueConvertible)?] = [:]
      var seen: Set<String> = []
      for cell in row where seen.insert(cell.columnName.lowercased()).inserted {
        values[cell.columnName] = try PostgresValues.databaseValue(of: cell)
      }
      return Row(values)
    }
  }
}

/// A query's columns and values, in order.
struct PostgresResult: Equatable {
  /// The column names (empty when there is no row).
  var columns: [String]
  var rows: [[DatabaseValue]]

  init(columns: [String], rows: [[DatabaseValue]]) {
    self.columns = columns
    self.rows = rows
  }

  init(_ result: PostgresQueryResult) throws {
    self.columns = result.rows.first.map { $0.map(\.columnName) } ?? []
    self.rows = try result.rows.map { row in try row.map(PostgresValues.databaseValue(of:)) }
  }
}

/// How a transaction begins.
enum PostgresTransactionKind: Sendable {
  /// READ COMMITTED: statements after the writer lock of the prologue see every earlier
  /// writer's commit.
  case write
  /// One snapshot for the whole transaction, which writes nothing.
  case read

  var begin: String {
    switch self {
    case .write: return "BEGIN"
    case .read: return "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
    }
  }
}

/// A statement refused because an earlier error aborted the transaction: PostgreSQL would
/// refuse it (SQLSTATE 25P02), and a caught error must not be followed by more work in the
/// same transaction or savepoint.
struct PostgresAborted: Error, CustomStringConvertible {
  /// The statement error that aborted the transaction.
  let cause: any Error

  var description: String {
    "the PostgreSQL transaction was aborted by an earlier error: \(String(reflecting: cause))"
  }
}

/// A statement not sent because its connection is closed: the transaction it belonged to is
/// gone, rolled back by the server.
struct PostgresConnectionLost: Error, CustomStringConvertible {
  var description: String { "the connection to PostgreSQL is closed; its transaction was rolled back" }
}
