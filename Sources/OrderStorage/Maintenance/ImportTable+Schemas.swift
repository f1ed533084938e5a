import Foundation
import GRDB

extension ImportTable {
  /// A table as one side declares it.
  struct Declared {
    var name: String
    /// Name, type (SQLite's declared type, PostgreSQL's `data_type`) and, on PostgreSQL,
    /// whether it is an identity.
    var columns: [(name: String, type: String, identity: Bool)]
    var primaryKey: [String]
  }

  /// The data tables of an SQLite file, by lowercase name.
  static func sqliteTables(_ db: Database) throws -> [String: Declared] {
    var tables: [String: Declared] = [:]
    let names = try String.fetchAll(
      db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
    for name in names where !bookkeeping.contains(name.lowercased()) {
      let info = try Row.fetchAll(db, sql: "PRAGMA table_info(\(quoted(name)))")
      let columns = info.map { row in (name: row["name"] as String, type: row["type"] as String, identity: false) }
      let key = info.filter { (($0["pk"] as Int?) ?? 0) > 0 }.sorted { ($0["pk"] as Int) < ($1["pk"] as Int) }
        .map { $0["name"] as String }
      tables[name.lowercased()] = Declared(name: name, columns: columns, primaryKey: key)
    }
    return tables
  }

  /// The data tables of PostgreSQL schema `schema`, by (lowercase) name.
  static func postgresTables(_ session: PostgresSession, schema: String) throws -> [String: Declared] {
    let columns = try session.values(
      native: """
        SELECT c.table_name::text, c.column_name::text, c.data_type::text, c.is_identity::text
        FROM information_schema.columns c JOIN information_schema.tables t
          ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = $1 AND t.table_type = 'BASE TABLE'
        ORDER BY c.table_name, c.ordinal_position
        """, [schema.databaseValue])
    let keys = try session.values(
      native: """
        SELECT k.table_name::text, k.column_name::text
        FROM information_schema.table_constraints c JOIN information_schema.key_column_usage k
          ON k.constraint_schema = c.constraint_schema AND k.constraint_name = c.constraint_name
        WHERE c.table_schema = $1 AND c.constraint_type = 'PRIMARY KEY'
        ORDER BY k.table_name, k.ordinal_position
        """, [schema.databaseValue])
    var tables: [String: Declared] = [:]
    for row in columns.rows {
      let (table, column, type, identity) = (text(row[0]), text(row[1]), text(row[2]), text(row[3]))
      guard !bookkeeping.contains(table) else { continue }
      tables[table, default: Declared(name: table, columns: [], primaryKey: [])].columns
        .append((column, type, identity == "YES"))
    }
    for row in keys.rows where tables[text(row[0])] != nil {
      tables[text(row[0])]?.primaryKey.append(text(row[1]))
    }
    return tables
  }

  /// The tables both sides have, by name, matched column by column.
  ///
  /// - Parameter emptied: columns (lowercase) per table (lowercase) that the copy writes as
  ///   NULL, whatever their type (``PostgresImport/emptiedColumns``).
  /// - Throws: ``PostgresImport/Failure/schemaMismatch(_:_:)`` naming every table or column
  ///   that only one side has, a type that differs, or a table without a primary key.
  static func matching(
    sqlite: [String: Declared], postgres: [String: Declared], emptied: [String: Set<String>] = [:], database: String
  ) throws -> [ImportTable] {
    var problems: [String] = []
    for name in Set(sqlite.keys).symmetricDifference(postgres.keys).sorted() {
      problems.append("table \(name) is only in \(sqlite[name] != nil ? "the SQLite file" : "PostgreSQL")")
    }
    var tables: [ImportTable] = []
    for name in Set(sqlite.keys).intersection(postgres.keys).sorted() {
      let (lite, pg) = (sqlite[name]!, postgres[name]!)
      var columns: [Column] = []
      let liteColumns = Dictionary(lite.columns.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
      for column in pg.columns {
        let source: Source
        if emptied[name]?.contains(column.name) == true, liteColumns[column.name] != nil {
          source = .null
        } else if let declared = liteColumns[column.name] {
          let expected = postgresTypes[declared.type.uppercased()]
          guard expected == column.type else {
            problems.append(
              "\(name).\(column.name) is \(declared.type) in SQLite and \(column.type) in PostgreSQL")
            continue
          }
          source = .column(declared.name)
        } else if column.name == "rowid", column.identity {
          source = .rowid
        } else {
          problems.append("column \(name).\(column.name) is only in PostgreSQL")
          continue
        }
        columns.append(Column(name: column.name, source: source, postgresType: column.type))
      }
      for column in lite.columns where !pg.columns.contains(where: { $0.name == column.name.lowercased() }) {
        problems.append("column \(name).\(column.name.lowercased()) is only in the SQLite file")
      }
      let key = lite.primaryKey.map { $0.lowercased() }
      if key.isEmpty || key != pg.primaryKey {
        problems.append(
          "\(name) has primary key (\(key.joined(separator: ", "))) in SQLite and "
            + "(\(pg.primaryKey.joined(separator: ", "))) in PostgreSQL")
      }
      tables.append(
        ImportTable(
          sqliteName: lite.name, postgresName: name, columns: columns, primaryKey: key,
          identities: pg.columns.filter(\.identity).map(\.name)))
    }
    guard problems.isEmpty else { throw PostgresImport.Failure.schemaMismatch(database, problems) }
    return tables
  }

  private static func text(_ value: DatabaseValue) -> String { String.fromDatabaseValue(value) ?? "" }
}
