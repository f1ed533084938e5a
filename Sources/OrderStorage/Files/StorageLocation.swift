/// Where a node keeps its data (issue 14): SQLite files in a data directory, or a PostgreSQL
/// database (`--storage postgres://…`).
public enum StorageLocation: Sendable, Hashable {
  /// `registry.sqlite` and `orgs/*.sqlite` in this directory.
  case dataDirectory(DataDirectory)
  /// Schema `orderd` and one schema per organization in this database.
  case postgres(PostgresLocation)
}
