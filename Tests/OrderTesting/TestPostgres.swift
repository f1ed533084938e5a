import Foundation
import GRDB
import Logging

@testable import OrderStorage

/// PostgreSQL for tests (issue 14): the server of `ORDERD_TEST_POSTGRES` (an admin URL, e.g.
/// from `scripts/postgres-test-cluster.sh start`), and a database of each test's own.
///
/// Tests that need it are skipped without the variable:
/// `.enabled(if: TestPostgres.isAvailable, "needs ORDERD_TEST_POSTGRES")`.
public enum TestPostgres {
  /// The admin URL, when the tests run against PostgreSQL.
  public static let adminURL: String? = ProcessInfo.processInfo.environment["ORDERD_TEST_POSTGRES"]

  public static var isAvailable: Bool { adminURL != nil }

  /// The server of ``adminURL``, with a small pool (tests open several storages at once).
  public static func adminLocation() throws -> PostgresLocation {
    guard let adminURL else { throw TestPostgresUnavailable() }
    var location = try PostgresLocation(parsing: adminURL)
    location.poolSize = 4
    return location
  }

  /// Creates a database `orderd_t_<random>`, runs `body` with its location, and drops it
  /// `WITH (FORCE)` (closing whatever connections the test left), whether `body` threw or not.
  /// A database per test keeps tests apart, their `LISTEN` channels too.
  public static func withDatabase<T>(_ body: (PostgresLocation) async throws -> T) async throws -> T {
    let admin = try adminLocation()
    let name = "orderd_t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
    try await administer(admin, "CREATE DATABASE \(name)")
    do {
      let result = try await body(admin.with(database: name))
      try await administer(admin, "DROP DATABASE \(name) WITH (FORCE)")
      return result
    } catch {
      try? await administer(admin, "DROP DATABASE \(name) WITH (FORCE)")
      throw error
    }
  }

  /// Runs `body` with the `--storage` URL of a database of its own (for `orderd` processes),
  /// whose nodes pool at most `poolSize` connections each; dropped afterwards.
  public static func withDatabaseURL<T>(poolSize: Int = 8, _ body: (String) async throws -> T) async throws -> T {
    try await withDatabase { location in
      var location = location
      location.poolSize = poolSize
      // The tests' cluster trusts local users: the URL has no password to hide.
      return try await body(location.description)
    }
  }

  /// Runs `body` with a running storage on a database of its own.
  public static func withStorage<T>(_ body: (PostgresStorage) async throws -> T) async throws -> T {
    try await withDatabase { location in
      try await PostgresStorage.withRunning(location, logger: quietLogger) { storage in try await body(storage) }
    }
  }

  /// The `--storage` URL of an `orderd` process whose data directory is `directory`: a
  /// database named after the directory, created the first time, so that a server started
  /// again on the same directory finds its data.
  ///
  /// A process outlives the scope that could drop its database, so the database's comment
  /// names the directory (created here if missing), and the first call in each test process
  /// drops the databases whose directory is gone (``dropAbandonedProcessDatabases()``): a
  /// cluster kept between runs does not grow by every run's databases.
  public static func processStorageURL(dataDirectory directory: URL) async throws -> String {
    guard let adminURL, var components = URLComponents(string: adminURL) else { throw TestPostgresUnavailable() }
    await abandonedSwept.value
    let path = directory.standardizedFileURL.path
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
    for byte in path.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
    let name = "orderd_e_" + String(hash, radix: 16)
    // Before the database: a sweep in another test process keeps a database whose directory exists.
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let admin = try adminLocation()
    // Already there when the server was started on this directory before.
    try? await administer(admin, "CREATE DATABASE \(name)")
    try await administer(admin, "COMMENT ON DATABASE \(name) IS '\(path.replacingOccurrences(of: "'", with: "''"))'")
    components.path = "/" + name
    guard let url = components.string else { throw TestPostgresUnavailable() }
    return url
  }

  /// The sweep of ``dropAbandonedProcessDatabases()``, once per test process.
  private static let abandonedSwept = Task<Void, Never> {
    do {
      try await dropAbandonedProcessDatabases()
    } catch {
      print("TestPostgres: could not drop the databases of earlier runs: \(error)")
    }
  }

  /// Drops the `orderd_e_*` databases whose comment names a data directory that no longer
  /// exists, or that have no comment (made before comments were written).
  static func dropAbandonedProcessDatabases() async throws {
    var location = try adminLocation()
    location.poolSize = 1
    let rows = try await PostgresStorage.withRunning(location, logger: quietLogger) { storage in
      try await storage.withoutTransaction { session in
        try session.values(
          native: """
            SELECT datname::text, coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database
            WHERE datname LIKE 'orderd\\_e\\_%'
            """
        ).rows
      }
    }
    for row in rows {
      guard let name = String.fromDatabaseValue(row[0]), let path = String.fromDatabaseValue(row[1]) else { continue }
      if !path.isEmpty && FileManager.default.fileExists(atPath: path) { continue }
      try? await administer(location, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }
  }

  /// Runs one statement outside a transaction on the admin database.
  private static func administer(_ admin: PostgresLocation, _ statement: String) async throws {
    var location = admin
    location.poolSize = 1
    try await PostgresStorage.withRunning(location, logger: quietLogger) { storage in
      try await storage.withoutTransaction { session in _ = try session.execute(native: statement) }
    }
  }

  /// Warnings and worse: a test's storage should not fill the log.
  public static let quietLogger: Logger = {
    var logger = Logger(label: "orderd.test.postgres")
    logger.logLevel = .warning
    return logger
  }()
}

/// A test needed PostgreSQL without `ORDERD_TEST_POSTGRES`.
public struct TestPostgresUnavailable: Error, CustomStringConvertible {
  public var description: String { "set ORDERD_TEST_POSTGRES to an admin URL (scripts/postgres-test-cluster.sh start)" }
}
