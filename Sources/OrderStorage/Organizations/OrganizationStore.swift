import Foundation
import GRDB
import OrderDomain

/// One organization's database (T2). Get it from ``OrganizationDatabases/withStore(_:_:)``.
///
/// Work happens in typed transactions: ``write(_:)`` runs its closure in one SQLite
/// transaction that commits durably (`synchronous=FULL`) before the call returns, or
/// rolls back entirely when the closure throws.
public struct OrganizationStore: Sendable {
  public let organizationID: OrganizationID
  let pool: DatabasePool

  init(organizationID: OrganizationID, pool: DatabasePool) {
    self.organizationID = organizationID
    self.pool = pool
  }

  /// Opens a store outside of ``OrganizationDatabases`` (tools, tests). Migrates the file.
  public static func open(at url: URL, organizationID: OrganizationID) throws -> OrganizationStore {
    let pool = try DatabaseOpening.openPool(
      at: url, label: "org-\(organizationID)", maximumReaderCount: 2, migrate: OrganizationSchema.migrate)
    return OrganizationStore(organizationID: organizationID, pool: pool)
  }

  /// Closes the database file; the store cannot be used afterwards.
  public func close() throws { try pool.close() }

  /// Runs `body` in one write transaction; commits when it returns, rolls back when it throws.
  ///
  /// The transaction must not escape the closure.
  public func write<T: Sendable>(_ body: @Sendable (OrganizationTransaction) throws -> T) async throws -> T {
    try await pool.write { db in try body(OrganizationTransaction(db: db)) }
  }

  /// Runs `body` on a consistent snapshot. Write methods of the transaction throw here.
  public func read<T: Sendable>(_ body: @Sendable (OrganizationTransaction) throws -> T) async throws -> T {
    try await pool.read { db in try body(OrganizationTransaction(db: db)) }
  }
}

/// Typed access to one organization's database inside a transaction.
///
/// Created only by ``OrganizationStore/write(_:)`` and ``OrganizationStore/read(_:)``; never
/// keep it beyond the closure. Methods throw ``DomainError`` for caller mistakes (unknown
/// account, duplicate SKU...) and other errors for internal failures.
public struct OrganizationTransaction {
  let db: Database

  init(db: Database) { self.db = db }

  /// The next value of a named counter, from 1; part of the transaction.
  func nextSequence(_ name: String) throws -> Int {
    let value = try Int.fetchOne(
      db,
      sql: """
        INSERT INTO sequences (name, value) VALUES (?, 1)
        ON CONFLICT(name) DO UPDATE SET value = value + 1
        RETURNING value
        """, arguments: [name])
    guard let value else { throw DomainError.internalError("sequence \(name) did not advance") }
    guard value <= 999_999_999 else { throw DomainError.resourceExhausted("the \(name) number range is used up") }
    return value
  }
}
