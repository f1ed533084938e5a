import Foundation
import GRDB
import OrderDomain

/// One organization's database (T2). Get it from ``OrganizationDatabases/withStore(_:_:)``.
///
/// Work happens in typed transactions: ``write(_:)`` runs its closure in one transaction that
/// commits durably before the call returns, or rolls back entirely when the closure throws.
/// The database is an SQLite file or a PostgreSQL schema (issue 14); the transactions are the
/// same on both.
public struct OrganizationStore: Sendable {
  /// Where the organization's data is.
  enum Engine: Sendable {
    /// Its SQLite file's connections (issue 13).
    case sqlite(OrganizationConnections)
    /// Its PostgreSQL schema.
    case postgres(PostgresOrganization)
  }

  public let organizationID: OrganizationID
  let engine: Engine
  let health: StorageHealth?
  let metrics: StorageMetrics?

  /// The SQLite connections (tests reach the file through them). SQLite only.
  var connections: OrganizationConnections {
    guard case .sqlite(let connections) = engine else { preconditionFailure("an SQLite store's connections") }
    return connections
  }
  /// The connection that writes (tests reach the file through it). SQLite only.
  var writer: DatabaseQueue { connections.writer }
  /// Shares transactions between concurrent writes (issue 13). SQLite only.
  var groupCommit: GroupCommit { connections.groupCommit }

  /// The batches and writes this store's group commit ran, on either engine (tests).
  var writeStatistics: GroupCommit.Statistics {
    switch engine {
    case .sqlite(let connections): connections.groupCommit.statistics
    case .postgres(let organization): organization.queue.statistics
    }
  }

  /// Writes waiting for the next batch, on either engine (tests).
  var queuedWriteCount: Int {
    switch engine {
    case .sqlite(let connections): connections.groupCommit.queuedCount
    case .postgres(let organization): organization.queue.queuedCount
    }
  }

  init(organizationID: OrganizationID, engine: Engine, health: StorageHealth?, metrics: StorageMetrics? = nil) {
    self.organizationID = organizationID
    self.engine = engine
    self.health = health
    self.metrics = metrics
  }

  init(
    organizationID: OrganizationID, connections: OrganizationConnections, health: StorageHealth?,
    metrics: StorageMetrics? = nil
  ) {
    self.init(organizationID: organizationID, engine: .sqlite(connections), health: health, metrics: metrics)
  }

  /// Opens a store outside of ``OrganizationDatabases`` (tools, tests). Migrates the file.
  ///
  /// - Throws: ``StorageFailure`` when the file cannot be used (damaged, unreadable, newer).
  public static func open(
    at url: URL, organizationID: OrganizationID, health: StorageHealth? = nil, metrics: StorageMetrics? = nil
  ) throws -> OrganizationStore {
    let connections = try OrganizationConnections(
      at: url, database: .organization(organizationID), label: "org-\(organizationID)")
    return OrganizationStore(organizationID: organizationID, connections: connections, health: health, metrics: metrics)
  }

  /// Opens organization `id`'s schema on PostgreSQL, creating it at the baseline when it is
  /// missing (tools, tests, ``OrganizationFiles/postgres(_:health:metrics:)``).
  ///
  /// - Throws: ``StorageFailure`` when the schema cannot be used (newer, unreachable).
  public static func open(
    postgres storage: PostgresStorage, organizationID: OrganizationID, health: StorageHealth? = nil,
    metrics: StorageMetrics? = nil
  ) async throws -> OrganizationStore {
    _ = try await PostgresSchema.prepareOrganization(organizationID, in: storage)
    let organization: PostgresOrganization
    do {
      organization = try PostgresOrganization(organizationID, storage: storage)
    } catch {
      throw StorageFailure.converting(error, in: .organization(organizationID))
    }
    return OrganizationStore(
      organizationID: organizationID, engine: .postgres(organization), health: health, metrics: metrics)
  }

  /// Closes the database file, its WAL checkpointed into it; the store cannot be used
  /// afterwards. A PostgreSQL store holds nothing to close.
  public func close() throws {
    switch engine {
    case .sqlite(let connections): try connections.close()
    case .postgres: break
    }
  }

  /// Runs `body` as one durable write: what it does is committed (SQLite: `synchronous=FULL`)
  /// before this returns, or undone entirely when it throws.
  ///
  /// Concurrent writes share a transaction, each in its own savepoint (``GroupCommit``): a
  /// write that throws undoes only itself. The transaction must not escape the closure.
  /// SQLite's errors reach the caller converted (``StorageFailure/converting(_:in:)``).
  public func write<T: Sendable>(_ body: @escaping @Sendable (OrganizationTransaction) throws -> T) async throws -> T {
    try await self.converting(wrote: true) {
      guard let metrics else { return try await engineWrite(body) }
      // Under group commit this is one caller's wait for its shared, durable commit.
      return try await metrics.timingWrite { try await engineWrite(body) }
    }
  }

  /// Runs `body` on a consistent snapshot. Write methods of the transaction throw here.
  public func read<T: Sendable>(_ body: @Sendable (OrganizationTransaction) throws -> T) async throws -> T {
    try await self.converting(wrote: false) {
      switch engine {
      case .sqlite(let connections):
        try await connections.read { db in try body(OrganizationTransaction(db: db)) }
      case .postgres(let organization):
        try await organization.read { session in try body(OrganizationTransaction(session: session)) }
      }
    }
  }

  private func engineWrite<T: Sendable>(
    _ body: @escaping @Sendable (OrganizationTransaction) throws -> T
  ) async throws -> T {
    switch engine {
    case .sqlite(let connections):
      try await connections.write { db in try body(OrganizationTransaction(db: db)) }
    case .postgres(let organization):
      try await organization.write { session in try body(OrganizationTransaction(session: session)) }
    }
  }

  /// Runs `operation`, converting SQLite's errors and telling ``health`` how it went.
  private func converting<T>(wrote: Bool, _ operation: () async throws -> T) async throws -> T {
    let database = StorageFailure.Database.organization(self.organizationID)
    do {
      let result = try await operation()
      self.health?.worked(database, wrote: wrote)
      return result
    } catch {
      let converted = StorageFailure.converting(error, in: database)
      if let failure = converted as? StorageFailure { self.health?.failed(failure) }
      throw converted
    }
  }
}

/// Typed access to one organization's database inside a transaction.
///
/// Created only by ``OrganizationStore/write(_:)`` and ``OrganizationStore/read(_:)``; never
/// keep it beyond the closure. Methods throw ``DomainError`` for caller mistakes (unknown
/// account, duplicate SKU...) and other errors for internal failures.
public struct OrganizationTransaction {
  /// Every statement of the transaction goes through it.
  let sql: SQL

  init(sql: SQL) { self.sql = sql }

  /// A transaction on an SQLite connection.
  init(db: Database) { self.init(sql: SQL(.sqlite(db))) }

  /// A transaction on a PostgreSQL connection, in the organization's schema.
  init(session: PostgresSession) { self.init(sql: SQL(.postgres(session))) }

  /// The next value of a named counter, from 1; part of the transaction.
  func nextSequence(_ name: String) throws -> Int {
    let value = try sql.fetchOne(
      Int.self,
      """
      INSERT INTO sequences (name, value) VALUES (?, 1)
      ON CONFLICT(name) DO UPDATE SET value = sequences.value + 1
      RETURNING value
      """, [name])
    guard let value else { throw DomainError.internalError("sequence \(name) did not advance") }
    guard value <= 999_999_999 else { throw DomainError.resourceExhausted("the \(name) number range is used up") }
    return value
  }
}
