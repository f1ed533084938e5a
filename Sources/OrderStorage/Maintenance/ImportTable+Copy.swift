import Foundation
import GRDB

extension ImportTable {
  /// Rows per `INSERT`: with about 20 columns, 10,000 parameters of PostgreSQL's 65,535.
  static let batchSize = 500

  /// Copies every row of the SQLite table into the PostgreSQL one, in primary key order, in
  /// multi-row `INSERT`s that keep every value (identities and `rowid` too). What the table
  /// held before (the seed rows a new schema is born with, `settings`) is deleted first.
  ///
  /// Runs inside the caller's transaction, whose foreign keys are deferred.
  /// - Returns: the number of rows copied.
  func copy(from db: Database, to session: PostgresSession, schema: String) throws -> Int {
    let target = qualifiedName(schema: schema)
    try session.execute(native: "DELETE FROM \(target)")
    let names = columns.map { Self.quoted($0.name) }.joined(separator: ", ")
    var values: [DatabaseValue] = []
    values.reserveCapacity(Self.batchSize * columns.count)
    var pending = 0
    var copied = 0
    func flush() throws {
      guard pending > 0 else { return }
      let width = columns.count
      let tuples = (0..<pending).map { row in
        "(" + (1...width).map { "$\(row * width + $0)" }.joined(separator: ", ") + ")"
      }
      try session.execute(
        native: "INSERT INTO \(target) (\(names)) VALUES \(tuples.joined(separator: ", "))", values)
      copied += pending
      pending = 0
      values.removeAll(keepingCapacity: true)
    }
    let rows = try Row.fetchCursor(db, sql: sqliteSelect)
    while let row = try rows.next() {
      values.append(contentsOf: row.databaseValues)
      pending += 1
      if pending == Self.batchSize { try flush() }
    }
    try flush()
    return copied
  }

  /// The highest value SQLite gave the table's identity column `column`: the largest one
  /// copied, or, when greater, SQLite's AUTOINCREMENT mark (`sqlite_sequence`), which also
  /// counts rows deleted since (jobs run, outbox entries relayed). `nil`: none given yet.
  func highWater(of column: String, in db: Database) throws -> Int64? {
    let copied = try Int64.fetchOne(
      db, sql: "SELECT max(\(sqliteExpression(of: column))) FROM \(Self.quoted(sqliteName))")
    var mark: Int64?
    if try db.tableExists("sqlite_sequence") {
      mark = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [sqliteName])
    }
    return [copied, mark].compactMap { $0 }.max()
  }

  /// Moves each identity's sequence past what SQLite gave, so that the next row PostgreSQL
  /// inserts gets the number SQLite would have given it (a notification position, a job
  /// id, an outbox sequence: never one used before, N2).
  func continueIdentities(from db: Database, in session: PostgresSession, schema: String) throws {
    for column in identities {
      guard let mark = try highWater(of: column, in: db) else { continue }
      try session.execute(
        native: "SELECT setval(pg_get_serial_sequence($1, $2), $3, true)",
        [qualifiedName(schema: schema).databaseValue, column.databaseValue, mark.databaseValue])
    }
  }

  /// The value the next insert would give identity `column` (`nextval` without taking it).
  func nextIdentity(of column: String, in session: PostgresSession, schema: String) throws -> Int64? {
    let sequence = try session.values(
      native: "SELECT pg_get_serial_sequence($1, $2)",
      [qualifiedName(schema: schema).databaseValue, column.databaseValue])
    guard let name = sequence.rows.first.flatMap({ String.fromDatabaseValue($0[0]) }) else { return nil }
    let state = try session.values(native: "SELECT last_value, is_called FROM \(name)")
    guard let row = state.rows.first, let last = Int64.fromDatabaseValue(row[0]) else { return nil }
    return Int64.fromDatabaseValue(row[1]) == 1 ? last + 1 : last
  }
}
