import Foundation
import GRDB
import Logging
import OrderDomain
import Synchronization

/// The registry (`registry.sqlite`, or schema `orderd` on PostgreSQL): organizations, their
/// kinds and parents, API key hashes, and small server state (T1, T3).
///
/// Errors a caller can act on are ``DomainError``s; anything else is an internal failure.
public final class Registry: Sendable {
  /// Where the registry is.
  enum Engine: Sendable {
    case sqlite(DatabasePool)
    /// Schema `orderd`; writes through a queue whose prologue locks `orderd.writer`, so that
    /// registry writes stay serialized across nodes.
    case postgres(PostgresStorage, PostgresWriteQueue)
  }

  let engine: Engine
  let cache = Mutex(AuthenticationCache())
  let organizations = Mutex(OrganizationCache())
  let logger: Logger
  /// Logs each episode of a failing registry once (a full disk, say).
  let health: StorageHealth
  /// Concurrent registry writes (organizations being created, keys) share a commit.
  let groupCommit = GroupCommit()

  /// Opens (creating and migrating if needed) the registry of `directory`.
  ///
  /// - Throws: ``StorageFailure`` when the file cannot be used (damaged, unreadable, newer).
  public init(directory: DataDirectory, logger: Logger = Logger(label: "orderd.registry")) throws {
    try directory.create()
    self.logger = logger
    self.health = StorageHealth(logger: logger)
    engine = .sqlite(
      try DatabaseOpening.openPool(
        at: directory.registryURL, database: .registry, label: "registry", maximumReaderCount: 4,
        migrator: RegistrySchema.migrator, migrate: { try RegistrySchema.migrator.migrate($0) }))
  }

  /// Opens the registry in schema `orderd` of `storage` (issue 14), creating it when missing.
  /// The storage must be running.
  ///
  /// - Throws: ``StorageFailure`` when it cannot be used (newer, unreachable).
  public init(postgres storage: PostgresStorage, logger: Logger = Logger(label: "orderd.registry")) async throws {
    try await PostgresSchema.migrateRegistry(in: storage)
    self.logger = logger
    self.health = StorageHealth(logger: logger)
    let schema = PostgresSchema.registrySchema
    let queue = PostgresWriteQueue(
      storage: storage, prologue: [PostgresSchema.searchPath(schema), "SELECT 1 FROM writer FOR UPDATE"],
      signalKey: nil)
    engine = .postgres(storage, queue)
  }

  /// The SQLite pool (tests and maintenance reach the file through it). SQLite only.
  var pool: DatabasePool {
    guard case .sqlite(let pool) = engine else { preconditionFailure("an SQLite registry's pool") }
    return pool
  }

  /// A durable write, in a savepoint of a transaction it may share with concurrent writes
  /// (``GroupCommit``); SQLite's errors reach the caller converted (``StorageFailure``).
  func write<T: Sendable>(_ body: @escaping @Sendable (SQL) throws -> T) async throws -> T {
    try await self.converting(wrote: true) {
      switch engine {
      case .sqlite(let pool):
        try await self.groupCommit.write(on: pool) { db in try body(SQL(.sqlite(db))) }
      case .postgres(_, let queue):
        try await queue.write { session in try body(SQL(.postgres(session))) }
      }
    }
  }

  /// A read on a consistent snapshot; SQLite's errors reach the caller converted.
  func read<T: Sendable>(_ body: @Sendable (SQL) throws -> T) async throws -> T {
    try await self.converting(wrote: false) {
      switch engine {
      case .sqlite(let pool):
        try await pool.read { db in try body(SQL(.sqlite(db))) }
      case .postgres(let storage, _):
        try await storage.read(prologue: [PostgresSchema.searchPath(PostgresSchema.registrySchema)]) { session in
          try body(SQL(.postgres(session)))
        }
      }
    }
  }

  private func converting<T>(wrote: Bool, _ operation: () async throws -> T) async throws -> T {
    do {
      let result = try await operation()
      self.health.worked(.registry, wrote: wrote)
      return result
    } catch {
      let converted = StorageFailure.converting(error, in: .registry)
      if let failure = converted as? StorageFailure { self.health.failed(failure) }
      throw converted
    }
  }

  /// Closes the database, its WAL checkpointed into the file first (a pool's last connection
  /// to close is a read-only reader, which would leave it); the registry cannot be used
  /// afterwards. A PostgreSQL registry holds nothing to close.
  public func close() throws {
    guard case .sqlite(let pool) = engine else { return }
    try? pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    try pool.close()
  }

  /// What ``bootstrap(now:)`` did.
  public struct Bootstrap: Hashable, Sendable {
    public var root: Organization
    /// The root's first admin key, only when this call created the root; shown once.
    public var rootAdminKey: IssuedKey?
  }

  /// Creates the root organization and its first admin key on an empty registry (T1).
  ///
  /// On a registry that has its root already, returns it without a key.
  public func bootstrap(now: Date, rootName: String = "Provider", currency: String = "USD") async throws -> Bootstrap {
    try await self.write { sql in
      if let root = try sql.fetchOne(OrganizationRecord.self, "SELECT * FROM organizations WHERE kind = 'root'") {
        return Bootstrap(root: root.organization, rootAdminKey: nil)
      }
      let root = Organization(
        id: .random(), name: rootName, kind: .root, parentID: nil, currency: currency, createdAt: now)
      try Self.insert(root, sql)
      let key = try Self.insertKey(organization: root.id, role: .admin, accountID: nil, now: now, sql)
      return Bootstrap(root: root, rootAdminKey: key)
    }
  }

  /// Creates a child organization of `parent` and its first admin key (T1, T4), in one
  /// registry transaction and nothing else (tools and tests). The server creates organizations
  /// as recoverable operations over three files instead, see
  /// ``beginOrganizationCreation(name:kind:parent:currency:claim:now:)``.
  ///
  /// - Throws: `invalidArgument` for a root kind, an empty name or a malformed currency;
  ///   `notFound` when the parent does not exist.
  public func createOrganization(
    name: String, kind: OrganizationKind, parent: OrganizationID, currency: String = "USD", now: Date
  ) async throws -> (organization: Organization, adminKey: IssuedKey) {
    try Self.validateNewOrganization(name: name, kind: kind, currency: currency)
    return try await self.write { sql in
      guard try Self.fetchOrganization(parent, sql) != nil else {
        throw DomainError.notFound("parent organization \(parent) not found")
      }
      let organization = Organization(
        id: .random(), name: name, kind: kind, parentID: parent, currency: currency, createdAt: now)
      try Self.insert(organization, sql)
      let key = try Self.insertKey(organization: organization.id, role: .admin, accountID: nil, now: now, sql)
      return (organization, key)
    }
  }

  /// Checks what a new child organization is given (T1).
  static func validateNewOrganization(name: String, kind: OrganizationKind, currency: String) throws {
    guard kind != .root else {
      throw DomainError.invalidArgument("the root organization exists exactly once; create a tenant or countryTenant")
    }
    guard !name.allSatisfy(\.isWhitespace) else {
      throw DomainError.invalidArgument("an organization needs a name")
    }
    guard Currency.isWellFormed(currency) else {
      throw DomainError.invalidArgument("currency '\(currency)' is not a three-letter ISO 4217 code such as USD")
    }
  }

  /// The organization, or `nil` when there is none with this id.
  public func organization(id: OrganizationID) async throws -> Organization? {
    let (cached, generation) = organizations.withLock { ($0.lookup(id), $0.generation) }
    if let cached { return cached }
    let fetched = try await self.read { sql in try Self.fetchOrganization(id, sql) }
    if let fetched { organizations.withLock { $0.store(fetched, ifGeneration: generation) } }
    return fetched
  }

  /// The root organization, once bootstrapped.
  public func root() async throws -> Organization? {
    try await self.read { sql in
      try sql.fetchOne(OrganizationRecord.self, "SELECT * FROM organizations WHERE kind = 'root'")?.organization
    }
  }

  /// The direct children of an organization, oldest first.
  public func children(of id: OrganizationID) async throws -> [Organization] {
    try await self.read { sql in
      try sql.fetchAll(
        OrganizationRecord.self, "SELECT * FROM organizations WHERE parentID = ? ORDER BY createdAt, id", [id.rawValue]
      )
      .map(\.organization)
    }
  }

  static func fetchOrganization(_ id: OrganizationID, _ sql: SQL) throws -> Organization? {
    try sql.fetchOne(OrganizationRecord.self, "SELECT * FROM organizations WHERE id = ?", [id.rawValue])?.organization
  }

  static func insert(_ organization: Organization, _ sql: SQL) throws {
    try sql.insert(OrganizationRecord(organization))
  }
}
