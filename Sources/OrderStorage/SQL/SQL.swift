import GRDB
import OrderDomain

/// One transaction's statements (issue 14): what ``OrganizationTransaction`` and ``Registry``
/// run their SQL through, so that one copy of each query serves every storage engine.
///
/// Each method switches on the engine once. On SQLite it makes exactly the GRDB calls the
/// storage made before (a cached statement per SQL text, GRDB's record methods); the seam
/// adds the switch and one small array per statement (``SQLArguments``). Never keep it beyond
/// the closure it was given to: the connection is only the closure's.
///
/// The SQL is written once for every engine: `?` placeholders, no boolean sort keys, `COALESCE`
/// rather than `IFNULL`, `(column = ?1 OR ?1 IS NULL)` (the typed use first).
struct SQL {
  enum Engine {
    case sqlite(Database)
    /// A PostgreSQL connection inside a transaction whose `search_path` is the database's
    /// schema (``PostgresWriteQueue``, ``PostgresOrganization``).
    case postgres(PostgresSession)
  }

  let engine: Engine

  init(_ engine: Engine) { self.engine = engine }

  /// The SQLite connection, for what only SQLite has (maintenance, tests); `nil` on any
  /// other engine.
  var sqliteDatabase: Database? {
    switch engine {
    case .sqlite(let db): db
    case .postgres: nil
    }
  }

  /// Every row of the query, decoded.
  func fetchAll<R: FetchableRecord>(_: R.Type, _ sql: String, _ arguments: SQLArguments = []) throws -> [R] {
    switch engine {
    case .sqlite(let db): try R.fetchAll(try db.cachedStatement(sql: sql), arguments: arguments.statementArguments)
    case .postgres(let session): try session.rows(sql, arguments.values).map { try R(row: $0) }
    }
  }

  /// The first row of the query, decoded; `nil` when there is none.
  func fetchOne<R: FetchableRecord>(_: R.Type, _ sql: String, _ arguments: SQLArguments = []) throws -> R? {
    switch engine {
    case .sqlite(let db): try R.fetchOne(try db.cachedStatement(sql: sql), arguments: arguments.statementArguments)
    case .postgres(let session): try session.rows(sql, arguments.values).first.map { try R(row: $0) }
    }
  }

  /// The first column of the first row; `nil` when there is no row or the value is NULL.
  func fetchOne<V: DatabaseValueConvertible>(_: V.Type, _ sql: String, _ arguments: SQLArguments = []) throws -> V? {
    switch engine {
    case .sqlite(let db): try V.fetchOne(try db.cachedStatement(sql: sql), arguments: arguments.statementArguments)
    case .postgres(let session): try Self.firstValue(V.self, try session.values(sql, arguments.values))
    }
  }

  /// The same, for the values SQLite reads straight from its columns (integers, text, blobs).
  func fetchOne<V: DatabaseValueConvertible & StatementColumnConvertible>(
    _: V.Type, _ sql: String, _ arguments: SQLArguments = []
  ) throws -> V? {
    switch engine {
    case .sqlite(let db): try V.fetchOne(try db.cachedStatement(sql: sql), arguments: arguments.statementArguments)
    case .postgres(let session): try Self.firstValue(V.self, try session.values(sql, arguments.values))
    }
  }

  /// Every row of the query (``KeysetQuery`` reads its page keys from them).
  func rows(_ sql: String, _ arguments: SQLArguments = []) throws -> [Row] {
    switch engine {
    case .sqlite(let db): try Row.fetchAll(try db.cachedStatement(sql: sql), arguments: arguments.statementArguments)
    case .postgres(let session): try session.rows(sql, arguments.values)
    }
  }

  /// Runs a statement that returns no rows; returns how many rows it changed.
  @discardableResult
  func execute(_ sql: String, _ arguments: SQLArguments = []) throws -> Int {
    switch engine {
    case .sqlite(let db):
      try db.cachedStatement(sql: sql).execute(arguments: arguments.statementArguments)
      return db.changesCount
    case .postgres(let session):
      return try session.execute(sql, arguments.values)
    }
  }

  /// Runs `body` in a savepoint: when it throws, only its own changes roll back (the rest of
  /// the transaction stays) and the error is rethrown.
  func savepoint<T>(_ body: () throws -> T) throws -> T {
    switch engine {
    case .sqlite(let db): try db.inCachedSavepoint(body)
    case .postgres(let session): try session.savepoint(body)
    }
  }

  /// Asks for `signal` to be sent when the transaction commits (another engine's nodes learn
  /// of new notifications and due jobs so). SQLite's one process learns of them otherwise;
  /// PostgreSQL's ``PostgresWriteQueue`` sends them just before `COMMIT`.
  func onCommit(_ signal: CommitSignal) {
    switch engine {
    case .sqlite: break
    case .postgres(let session): session.commitSignals.append(signal)
    }
  }

  /// The first column of the first row, converted as GRDB converts it; `nil` when there is no
  /// row or the value is NULL.
  private static func firstValue<V: DatabaseValueConvertible>(_: V.Type, _ result: PostgresResult) throws -> V? {
    guard let value = result.rows.first?.first, !value.isNull else { return nil }
    guard let converted = V.fromDatabaseValue(value) else {
      throw DomainError.internalError("cannot read \(value) as \(V.self)")
    }
    return converted
  }
}
