import Foundation
import Logging
import OrderDomain

@testable import OrderStorage

/// The storage tests run on (issue 14): SQLite in a temporary data directory, or, when
/// `ORDERD_TEST_POSTGRES` is set, PostgreSQL in a database of the test's own
/// (``TestPostgres``), dropped after it.
///
/// Suites that reach under SQLite files, or need PostgreSQL, say so with the `.sqliteOnly`
/// and `.postgresOnly` traits (each test target's `StorageTraits.swift`).
public enum TestStorage {
  /// Whether the tests run on PostgreSQL.
  public static var isPostgres: Bool { TestPostgres.isAvailable }

  /// Runs `body` with a fresh storage, and removes it afterwards whether `body` threw or not.
  public static func with<T>(_ body: (TestStorageLocation) async throws -> T) async throws -> T {
    let directory = DataDirectory(
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "orderd-storage-\(UUID().uuidString)", isDirectory: true))
    try directory.create()
    defer { try? FileManager.default.removeItem(at: directory.url) }
    guard isPostgres else { return try await body(.dataDirectory(directory)) }
    return try await TestPostgres.withDatabase { location in
      try await PostgresStorage.withRunning(location, logger: TestPostgres.quietLogger) { storage in
        try await PostgresSchema.migrateRegistry(in: storage)
        return try await body(.postgres(storage, scratch: directory))
      }
    }
  }

  /// Runs `body` with a fresh organization's store, closed and removed afterwards.
  public static func withStore<T>(_ body: (OrganizationStore) async throws -> T) async throws -> T {
    try await with { location in
      let store = try await location.openStore(.random())
      defer { try? store.close() }
      return try await body(store)
    }
  }
}

/// Where one test's storage is.
public enum TestStorageLocation: Sendable {
  /// SQLite files in a temporary data directory.
  case dataDirectory(DataDirectory)
  /// A running PostgreSQL storage on a database of the test's own, its registry schema
  /// created; `scratch` is an empty temporary directory (for what a server keeps in files).
  case postgres(PostgresStorage, scratch: DataDirectory)

  /// A directory of the test's own: the data directory on SQLite, a scratch one on PostgreSQL.
  public var directory: DataDirectory {
    switch self {
    case .dataDirectory(let directory): directory
    case .postgres(_, let scratch): scratch
    }
  }

  /// Opens (creating) the registry.
  public func openRegistry(logger: Logger = Logger(label: "orderd.registry")) async throws -> Registry {
    switch self {
    case .dataDirectory(let directory): try Registry(directory: directory, logger: logger)
    case .postgres(let storage, _): try await Registry(postgres: storage, logger: logger)
    }
  }

  /// Opens (creating) organization `id`'s database.
  public func openStore(_ id: OrganizationID) async throws -> OrganizationStore {
    switch self {
    case .dataDirectory(let directory):
      try OrganizationStore.open(at: directory.organizationURL(id), organizationID: id)
    case .postgres(let storage, _):
      try await OrganizationStore.open(postgres: storage, organizationID: id)
    }
  }

  /// The organizations' databases, opened on demand.
  public func databases(
    capacity: Int = 256, logger: Logger = Logger(label: "orderd.storage"), metrics: StorageMetrics = StorageMetrics()
  ) -> OrganizationDatabases {
    switch self {
    case .dataDirectory(let directory):
      OrganizationDatabases(directory: directory, capacity: capacity, logger: logger, metrics: metrics)
    case .postgres(let storage, _):
      OrganizationDatabases(postgres: storage, capacity: capacity, logger: logger, metrics: metrics)
    }
  }
}
