import ArgumentParser
import OrderStorage

/// The data directory every subcommand works on, and where the data is (issue 14).
struct DataDirectoryOptions: ParsableArguments {
  @Option(
    help:
      "Data directory: registry.sqlite, orgs/*.sqlite, root-admin.key; with --storage postgres://… only root-admin.key (env ORDERD_DATA_DIR)."
  )
  var dataDir: String = Environment.value("ORDERD_DATA_DIR") ?? "./data"

  @Option(
    help:
      "Keep the data in PostgreSQL instead: postgres://USER[:PW]@HOST[:PORT]/DB[?sslmode=disable|prefer|require|verify-full&pool=16]; the password also from PGPASSWORD. Several nodes may share one database (env ORDERD_STORAGE)."
  )
  var storage: String?

  /// `--storage`, else `ORDERD_STORAGE`; `nil`: the data directory's SQLite files.
  var storageURL: String? { self.storage ?? Environment.value("ORDERD_STORAGE") }

  /// Where the data is.
  func location() throws -> StorageLocation {
    guard let url = self.storageURL else { return .dataDirectory(DataDirectory(path: self.dataDir)) }
    do {
      return .postgres(try PostgresLocation(parsing: url))
    } catch {
      throw ValidationError("--storage: \(error)")
    }
  }

  /// Refuses `command` on PostgreSQL, which has its own tools for it.
  func requireDataDirectory(_ command: String, instead: String) throws {
    guard self.storageURL == nil else {
      throw ValidationError("orderd \(command) works on a data directory's SQLite files; on PostgreSQL use \(instead)")
    }
  }
}
