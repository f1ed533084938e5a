import GRDB

/// A record stored in one table, written through ``SQL`` (``SQL/insert(_:)``,
/// ``SQL/update(_:columns:)``, ``SQL/upsert(_:)``).
///
/// SQLite reads the table's primary key from its schema; another engine updates and upserts
/// by ``primaryKey``, which must name the table's primary key columns (`StoredRecordTests`
/// compares them with SQLite's schema).
protocol StoredRecord: FetchableRecord, MutablePersistableRecord {
  /// The columns of the table's primary key, in its order.
  static var primaryKey: [String] { get }
}

/// A record whose table assigns its key on insert (`INTEGER PRIMARY KEY AUTOINCREMENT`: the
/// jobs, the notification log, the status history, the backorder outbox).
///
/// An insert with no key leaves ``autoKeyColumn`` out and stores the assigned key in
/// ``autoKey`` (SQLite through GRDB's `didInsert`).
protocol AutoKeyedRecord: StoredRecord {
  static var autoKeyColumn: String { get }
  /// The key; `nil` until inserted.
  var autoKey: Int64? { get set }
}

extension AutoKeyedRecord {
  static var primaryKey: [String] { [autoKeyColumn] }
}
