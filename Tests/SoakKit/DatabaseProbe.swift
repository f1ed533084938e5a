import Foundation
import GRDB

/// Reads a data directory's SQLite files directly, for tests that must know what a killed
/// server left on disk before anything restarts it.
public enum DatabaseProbe {
  /// The integer `sql` selects from `file` (e.g. a `COUNT(*)`).
  public static func integer(_ file: URL, _ sql: String, arguments: StatementArguments = []) throws -> Int {
    try SoakChecker.read(file) { db in try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0 }
  }
}
