import GRDB

/// Writing ``StoredRecord``s: on SQLite, GRDB's own record methods, as before the seam.
extension SQL {
  /// Inserts the record.
  func insert<R: StoredRecord & PersistableRecord>(_ record: R) throws {
    switch engine {
    case .sqlite(let db): try record.insert(db)
    }
  }

  /// Inserts the record without its key and sets ``AutoKeyedRecord/autoKey`` to the key the
  /// table assigned.
  func insert<R: AutoKeyedRecord>(_ record: inout R) throws {
    switch engine {
    case .sqlite(let db): try record.insert(db)
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
    }
  }

  /// Inserts the record, or replaces the columns of the row with its primary key.
  func upsert<R: StoredRecord & PersistableRecord>(_ record: R) throws {
    switch engine {
    case .sqlite(let db): try record.upsert(db)
    }
  }
}
