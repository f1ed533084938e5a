import GRDB
import OrderDomain

/// Reading a row column by column, for the records written out by hand (the hot ones, see
/// ``OrderRecord``) and for migrations, which read tables as they were at their version.
/// A NULL where a value is required, or a value of the wrong type, is an internal error.
extension Row {
  func decode<T: DatabaseValueConvertible>(_ column: String) throws -> T {
    guard let value = try decodeIfPresent(column, as: T.self) else {
      throw DomainError.internalError("missing value in column \(column)")
    }
    return value
  }

  func decodeIfPresent<T: DatabaseValueConvertible>(_ column: String, as type: T.Type = T.self) throws -> T? {
    let value: DatabaseValue = self[column]
    if value.isNull { return nil }
    guard let decoded = T.fromDatabaseValue(value) else {
      throw DomainError.internalError("unexpected value in column \(column)")
    }
    return decoded
  }

  /// The column's text as an id or enum; a text that names none is an internal error.
  func decode<T: RawRepresentable>(_ column: String, as type: T.Type = T.self) throws -> T where T.RawValue == String {
    guard let value = try decodeIfPresent(column, as: T.self) else {
      throw DomainError.internalError("missing value in column \(column)")
    }
    return value
  }

  func decodeIfPresent<T: RawRepresentable>(_ column: String, as type: T.Type = T.self) throws -> T?
  where T.RawValue == String {
    guard let text = try decodeIfPresent(column, as: String.self) else { return nil }
    guard let value = T(rawValue: text) else {
      throw DomainError.internalError("unexpected value '\(text)' in column \(column)")
    }
    return value
  }
}
