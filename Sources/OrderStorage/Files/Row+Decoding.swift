import Foundation
import GRDB
import OrderDomain

extension Row {
  /// The column's text as a raw-representable value; a corrupt value throws.
  func decode<T: RawRepresentable>(_ column: String, as type: T.Type = T.self) throws -> T where T.RawValue == String {
    let text: String = try decode(column)
    guard let value = T(rawValue: text) else {
      throw DomainError.internalError("unexpected value '\(text)' in column \(column)")
    }
    return value
  }

  /// The column's value, or an internal error when it is NULL or of the wrong type.
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

  func decodeIfPresent<T: RawRepresentable>(_ column: String, as type: T.Type = T.self) throws -> T?
  where T.RawValue == String {
    guard let text = try decodeIfPresent(column, as: String.self) else { return nil }
    guard let value = T(rawValue: text) else {
      throw DomainError.internalError("unexpected value '\(text)' in column \(column)")
    }
    return value
  }

  /// Money stored as `<prefix>Minor` and `currency` columns.
  func money(_ minorColumn: String, currencyColumn: String = "currency") throws -> Money {
    Money(minorUnits: try decode(minorColumn), currency: try decode(currencyColumn))
  }
}
