import Foundation
import GRDB
import NIOCore
import OrderDomain
import PostgresNIO

/// GRDB's values to PostgreSQL's binds and back (issue 14), so that the storage's statements,
/// arguments and records are the same on both engines.
///
/// Binds: an integer is an `int8`, a double a `float8`, a string `text`, a blob `bytea`, and
/// NULL is untyped (the server types it from the statement). Cells: `int2`, `int4`, `int8`
/// and `bool` are read as integers (a boolean as 0 or 1, as SQLite stores them), `float4`
/// and `float8` as doubles, the text types as strings, `bytea` as a blob, `void` (what
/// `pg_notify` returns) as NULL. The schema uses no other type; a column of another type is
/// an internal error that names it.
enum PostgresValues {
  /// The binds of a statement's arguments, in order.
  static func bindings(_ values: [DatabaseValue]) -> PostgresBindings {
    var bindings = PostgresBindings(capacity: values.count)
    for value in values {
      switch value.storage {
      case .null: bindings.appendNull()
      case .int64(let integer): bindings.append(integer)
      case .double(let double): bindings.append(double)
      case .string(let string): bindings.append(string)
      case .blob(let data): bindings.append(ByteBuffer(bytes: data))
      }
    }
    return bindings
  }

  /// The value of one cell of a result row.
  ///
  /// - Throws: ``DomainError/internalError(_:)`` naming the column when its type is not one
  ///   the storage reads, or its bytes cannot be read as that type.
  static func databaseValue(of cell: PostgresCell) throws -> DatabaseValue {
    guard cell.bytes != nil else { return .null }
    do {
      switch cell.dataType {
      case .int2, .int4, .int8: return try cell.decode(Int64.self).databaseValue
      case .bool: return (try cell.decode(Bool.self) ? 1 : 0).databaseValue
      case .float4, .float8: return try cell.decode(Double.self).databaseValue
      case .text, .varchar, .bpchar, .name: return try cell.decode(String.self).databaseValue
      case .bytea: return try cell.decode(Data.self).databaseValue
      case .void: return .null
      default:
        throw DomainError.internalError(
          "column '\(cell.columnName)' has the PostgreSQL type \(cell.dataType), which the storage does not read")
      }
    } catch let error as DomainError {
      throw error
    } catch {
      throw DomainError.internalError(
        "column '\(cell.columnName)' of PostgreSQL type \(cell.dataType) cannot be read: \(String(reflecting: error))")
    }
  }
}
