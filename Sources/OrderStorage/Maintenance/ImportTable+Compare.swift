import Foundation
import GRDB

extension ImportTable {
  /// At most this many differences are described per table.
  static let differenceLimit = 20

  /// Reads every row of both sides in primary key order, as GRDB values, and compares them
  /// value by value: same storage class, same bytes (no numeric or Unicode equivalence).
  ///
  /// Runs inside a PostgreSQL transaction (a cursor of it reads the rows in batches) and an
  /// SQLite read.
  func compare(_ db: Database, _ session: PostgresSession, schema: String) throws -> PostgresImport.TableReport {
    var report = PostgresImport.TableReport(table: sqliteName, sourceRows: 0, targetRows: 0, differences: [])
    let cursor = "orderd_migrate_verify"
    try session.execute(native: "DECLARE \(cursor) NO SCROLL CURSOR FOR \(postgresSelect(schema: schema))")
    defer { _ = try? session.execute(native: "CLOSE \(cursor)") }
    var targetBatch: [[DatabaseValue]] = []
    var targetIndex = 0
    var targetDone = false
    /// The next PostgreSQL row, fetched in batches.
    func nextTarget() throws -> [DatabaseValue]? {
      if targetIndex == targetBatch.count {
        guard !targetDone else { return nil }
        targetBatch = try session.values(native: "FETCH FORWARD \(Self.batchSize) FROM \(cursor)").rows
        targetIndex = 0
        if targetBatch.count < Self.batchSize { targetDone = true }
        guard !targetBatch.isEmpty else { return nil }
      }
      defer { targetIndex += 1 }
      return targetBatch[targetIndex]
    }
    func note(_ difference: String) {
      if report.differences.count < Self.differenceLimit { report.differences.append(difference) }
    }
    let rows = try Row.fetchCursor(db, sql: sqliteSelect)
    while let row = try rows.next() {
      let source = Array(row.databaseValues)
      report.sourceRows += 1
      guard let target = try nextTarget() else {
        note("row \(describeKey(source)) is missing in PostgreSQL")
        continue
      }
      report.targetRows += 1
      guard source.count == target.count else {
        note("row \(describeKey(source)): \(source.count) columns in SQLite, \(target.count) in PostgreSQL")
        continue
      }
      for (index, column) in columns.enumerated() where !Self.same(source[index], target[index]) {
        note(
          "row \(describeKey(source)), column \(column.name): SQLite \(Self.describe(source[index])), "
            + "PostgreSQL \(Self.describe(target[index]))")
      }
    }
    while let extra = try nextTarget() {
      report.targetRows += 1
      note("row \(describeKey(extra)) is only in PostgreSQL")
    }
    if report.sourceRows != report.targetRows, report.differences.isEmpty {
      note("\(report.sourceRows) rows in SQLite, \(report.targetRows) in PostgreSQL")
    }
    return report
  }

  /// Checks that each identity's next value comes after every value SQLite gave it.
  func compareIdentities(_ db: Database, _ session: PostgresSession, schema: String) throws -> [String] {
    var differences: [String] = []
    for column in identities {
      guard let mark = try highWater(of: column, in: db) else { continue }
      let next = try nextIdentity(of: column, in: session, schema: schema)
      if next.map({ $0 <= mark }) ?? true {
        differences.append(
          "\(postgresName).\(column): the next value would be \(next.map(String.init) ?? "unknown"), "
            + "but SQLite gave \(mark) already")
      }
    }
    return differences
  }

  /// Whether two values are the same: same storage class and equal, strings byte for byte.
  static func same(_ a: DatabaseValue, _ b: DatabaseValue) -> Bool {
    switch (a.storage, b.storage) {
    case (.null, .null): return true
    case (.int64(let x), .int64(let y)): return x == y
    case (.double(let x), .double(let y)): return x.bitPattern == y.bitPattern
    case (.string(let x), .string(let y)): return x.utf8.elementsEqual(y.utf8)
    case (.blob(let x), .blob(let y)): return x == y
    default: return false
    }
  }

  /// A value for a message: its storage class and a short form of it.
  static func describe(_ value: DatabaseValue) -> String {
    switch value.storage {
    case .null: return "NULL"
    case .int64(let integer): return "integer \(integer)"
    case .double(let double): return "real \(double)"
    case .string(let string):
      return "text '\(string.count > 60 ? string.prefix(60) + "…" : Substring(string))'"
    case .blob(let data): return "blob of \(data.count) bytes"
    }
  }

  /// The row's primary key, `(id = 'abc')`, for messages.
  func describeKey(_ row: [DatabaseValue]) -> String {
    let parts = primaryKey.compactMap { key -> String? in
      guard let index = columns.firstIndex(where: { $0.name == key }), index < row.count else { return nil }
      return "\(key) = \(Self.describe(row[index]))"
    }
    return "(" + parts.joined(separator: ", ") + ")"
  }
}
