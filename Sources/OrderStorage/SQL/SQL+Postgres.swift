import GRDB

/// Writing ``StoredRecord``s on PostgreSQL: the statements GRDB would write, generated from
/// the record's columns (`databaseDictionary`) and ``StoredRecord/primaryKey``.
///
/// Columns are sorted by name, so that one record type always sends the same statement text.
/// Names are unquoted, as in the schema (PostgreSQL folds them to lowercase).
extension PostgresSession {
  /// `INSERT INTO table (columns) VALUES (...)`, plus `RETURNING` `returning` when given;
  /// the returned value, if any.
  func insert(
    into table: String, _ columns: [(String, DatabaseValue)], returning: String? = nil
  ) throws -> DatabaseValue? {
    let names = columns.map(\.0).joined(separator: ", ")
    let placeholders = columns.indices.map { "$\($0 + 1)" }.joined(separator: ", ")
    var sql =
      columns.isEmpty
      ? "INSERT INTO \(table) DEFAULT VALUES" : "INSERT INTO \(table) (\(names)) VALUES (\(placeholders))"
    guard let returning else {
      try execute(native: sql, columns.map(\.1))
      return nil
    }
    sql += " RETURNING \(returning)"
    return try rows(native: sql, columns.map(\.1)).first?[returning]
  }

  /// `UPDATE table SET columns WHERE key`; how many rows it changed.
  func update(_ table: String, set columns: [(String, DatabaseValue)], key: [(String, DatabaseValue)]) throws -> Int {
    guard !columns.isEmpty else {
      // Nothing to set: whether the row exists.
      let condition = key.enumerated().map { "\($0.element.0) = $\($0.offset + 1)" }.joined(separator: " AND ")
      return try rows(native: "SELECT 1 AS present FROM \(table) WHERE \(condition)", key.map(\.1)).count
    }
    let assignments = columns.enumerated().map { "\($0.element.0) = $\($0.offset + 1)" }.joined(separator: ", ")
    let condition = key.enumerated().map { "\($0.element.0) = $\(columns.count + $0.offset + 1)" }
      .joined(separator: " AND ")
    return try execute(
      native: "UPDATE \(table) SET \(assignments) WHERE \(condition)", columns.map(\.1) + key.map(\.1))
  }

  /// `INSERT … ON CONFLICT (key) DO UPDATE SET` every other column.
  func upsert(into table: String, _ columns: [(String, DatabaseValue)], key: [String]) throws {
    let names = columns.map(\.0).joined(separator: ", ")
    let placeholders = columns.indices.map { "$\($0 + 1)" }.joined(separator: ", ")
    let keyed = Set(key.map { $0.lowercased() })
    let updates = columns.map(\.0).filter { !keyed.contains($0.lowercased()) }
    let action =
      updates.isEmpty
      ? "DO NOTHING" : "DO UPDATE SET " + updates.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
    try execute(
      native: "INSERT INTO \(table) (\(names)) VALUES (\(placeholders)) ON CONFLICT (\(key.joined(separator: ", "))) "
        + action, columns.map(\.1))
  }
}

extension StoredRecord {
  /// The record's columns and values, sorted by name.
  func sortedColumns() throws -> [(String, DatabaseValue)] {
    try databaseDictionary.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  /// The values of the primary key's columns.
  func primaryKeyColumns() throws -> [(String, DatabaseValue)] {
    let dictionary = try databaseDictionary
    return Self.primaryKey.map { name in
      (name, dictionary.first { $0.key.lowercased() == name.lowercased() }?.value ?? .null)
    }
  }
}
