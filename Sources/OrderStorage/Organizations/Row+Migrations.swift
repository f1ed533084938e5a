import GRDB
import OrderDomain

extension Row {
  /// The column's value, or an internal error when it is NULL or of the wrong type.
  ///
  /// Only migrations read rows by hand: they read tables as they were at their version, which
  /// the record types (`Records/`, the current schema) do not describe.
  func decode<T: DatabaseValueConvertible>(_ column: String) throws -> T {
    let value: DatabaseValue = self[column]
    guard !value.isNull, let decoded = T.fromDatabaseValue(value) else {
      throw DomainError.internalError("missing or unexpected value in column \(column)")
    }
    return decoded
  }
}
