import OrderTesting
import Testing

/// Which storage a test needs (issue 14): the suite runs on SQLite, or on PostgreSQL when
/// `ORDERD_TEST_POSTGRES` is set (``TestStorage``).
extension Trait where Self == ConditionTrait {
  /// Reaches under SQLite files (their bytes, pragmas, migrations of old files, GRDB's queue).
  static var sqliteOnly: Self { .enabled(if: !TestStorage.isPostgres, "reaches under SQLite files") }
  /// Needs PostgreSQL.
  static var postgresOnly: Self { .enabled(if: TestStorage.isPostgres, "needs ORDERD_TEST_POSTGRES") }
}
