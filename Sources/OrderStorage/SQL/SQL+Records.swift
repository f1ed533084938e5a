import GRDB

/// Writing ``StoredRecord``s: on SQLite, GRDB's own record methods, as before the seam; on
/// PostgreSQL, the same statements generated from the record (`SQL+Postgres.swift`).
extension SQL {
  /// Inserts the record.
  func insert<R: StoredRecord & PersistableRecord>(_ record: R) throws {
    switch engine {
    case .sqlite(let db): try record.insert(db)
    case .postgres(let session): _ = try session.insert(into: R.databaseTableName, try record.sortedColumns())
    }
  }

  /// Inserts the record without its key and sets ``AutoKeyedRecord/autoKey`` to the key the
  /// table assigned.
  func insert<R: AutoKeyedRecord>(_ record: inout R) throws {
    switch engine {
    case .sqlite(let db): try record.insert(db)
    case .postgres(let session):
      var columns = try record.sortedColumns()
      if record.autoKey == nil {
        columns.removeAll { $0.0.lowercased() == R.autoKeyColumn.lowercased() }
      }
      let key = try session.insert(into: R.databaseTableName, columns, returning: R.autoKeyColumn.lowercased())
      guard let key, let value = Int64.fromDatabaseValue(key) else {
        throw PostgresMissingKey(table: R.databaseTableName)
      }
      record.autoKey = value
    }
  }

  /// Updates the row with the record's primary key: every column, or only `columns`.
  ///
  /// - Returns: `false` when there is no such row.
  func update<R: StoredRecord & PersistableRecord>(_ record: R, columns: [String]? = nil) throws -> Bool {
    switch engine {
    case .sqlite(let db):
      do {
        if let columns {
          try record.update(db, columns: columns)
        } else {
          try record.update(db)
        }
        return true
      } catch RecordError.recordNotFound {
        return false
      }
    case .postgres(let session):
      var set = try record.sortedColumns()
      let keyed = Set(R.primaryKey.map { $0.lowercased() })
      if let columns {
        let wanted = Set(columns.map { $0.lowercased() })
        set.removeAll { !wanted.contains($0.0.lowercased()) }
      }
      set.removeAll { keyed.contains($0.0.lowercased()) }
      return try session.update(R.databaseTableName, set: set, key: try record.primaryKeyColumns()) > 0
    }
  }

  /// Inserts the record, or replaces the columns of the row with its primary key.
  func upsert<R: StoredRecord & PersistableRecord>(_ record: R) throws {
    switch engine {
    case .sqlite(let db): try record.upsert(db)
    case .postgres(let session):
      try session.upsert(into: R.databaseTableName, try record.sortedColumns(), key: R.primaryKey)
    }
  }
}

/// An insert that should have returned the table's new key returned none.
struct PostgresMissingKey: Error, CustomStringConvertible {
  let table: String
  var description: String { "inserting into \(table) returned no key" }
}
