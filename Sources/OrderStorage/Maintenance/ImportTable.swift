import Foundation
import GRDB

/// One table as an SQLite file and a PostgreSQL schema both have it, and how `orderd migrate`
/// copies and compares it (``PostgresImport``).
///
/// Derived from the two schemas (`PRAGMA table_info`, `information_schema`), never from a
/// list written by hand: a table or column that only one side has is an error, as is a column
/// whose PostgreSQL type is not the one the baseline gives SQLite's declared type. Names are
/// matched without case (PostgreSQL folds the schema's unquoted names to lowercase).
struct ImportTable: Sendable, Hashable {
  /// One column, in PostgreSQL's order.
  struct Column: Sendable, Hashable {
    /// PostgreSQL's name (lowercase).
    var name: String
    /// What SQLite's side reads for it: the column, SQLite's `rowid` (PostgreSQL's real
    /// `rowid` column of a table keyed by text), or NULL for a column the copy leaves empty.
    var source: Source
    /// PostgreSQL's type (`bigint`, `text`, `bytea`...).
    var postgresType: String
  }

  enum Source: Sendable, Hashable {
    case column(String)
    case rowid
    /// Written as NULL (``PostgresImport/emptiedColumns``).
    case null
  }

  /// SQLite's name (`orderStatusChanges`).
  var sqliteName: String
  /// PostgreSQL's name (`orderstatuschanges`).
  var postgresName: String
  var columns: [Column]
  /// The primary key's columns (PostgreSQL's names), in key order.
  var primaryKey: [String]
  /// The identity columns (PostgreSQL's names): their sequences continue after the copy.
  var identities: [String]

  /// Tables that record a schema's version or lock, not data: compared as versions
  /// (`grdb_migrations`, `schema_migrations`) or not at all.
  static let bookkeeping: Set<String> = ["grdb_migrations", "schema_migrations", "orderd_writer", "writer"]

  /// The PostgreSQL type the baseline gives each SQLite declared type.
  static let postgresTypes = [
    "TEXT": "text", "DATETIME": "text", "INTEGER": "bigint", "BOOLEAN": "bigint", "BLOB": "bytea",
  ]

  /// SQLite's side in PostgreSQL's column order, in primary key order.
  var sqliteSelect: String {
    let columns = columns.map { column -> String in
      switch column.source {
      case .column(let name): return Self.quoted(name)
      case .rowid: return "rowid"
      case .null: return "NULL"
      }
    }
    let key = primaryKey.map { key in sqliteExpression(of: key) }
    return "SELECT \(columns.joined(separator: ", ")) FROM \(Self.quoted(sqliteName)) ORDER BY "
      + key.joined(separator: ", ")
  }

  /// PostgreSQL's side in the same order; a column of another type than the copy writes (a
  /// claim's `timestamptz`, emptied) is read as text, so that whatever it holds shows.
  func postgresSelect(schema: String) -> String {
    let columns = columns.map { column in
      Self.plainTypes.contains(column.postgresType) ? Self.quoted(column.name) : "\(Self.quoted(column.name))::text"
    }
    return "SELECT \(columns.joined(separator: ", ")) FROM \(qualifiedName(schema: schema)) ORDER BY "
      + primaryKey.map(Self.quoted).joined(separator: ", ")
  }

  /// `"schema"."table"`.
  func qualifiedName(schema: String) -> String { "\(Self.quoted(schema)).\(Self.quoted(postgresName))" }

  /// What SQLite's side reads for PostgreSQL's column `name`.
  func sqliteExpression(of name: String) -> String {
    switch columns.first(where: { $0.name == name })?.source {
    case .column(let sqlite): return Self.quoted(sqlite)
    case .rowid: return "rowid"
    case .null, nil: return "NULL"
    }
  }

  /// The types the storage reads and writes as they are.
  static let plainTypes: Set<String> = ["bigint", "text", "bytea"]

  static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
