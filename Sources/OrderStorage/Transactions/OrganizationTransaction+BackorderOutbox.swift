import Foundation
import OrderDomain

extension OrganizationTransaction {
  /// Appends a tenant's executed changes to its backorder outbox (B2, B3), in order.
  ///
  /// Call it in the transaction that executes the change, so the change and its backorder
  /// are durable together. Derive the changes with ``BackorderChange/sales(_:orderNumber:at:)``
  /// and ``BackorderChange/changes(_:orderNumber:at:)``.
  /// - Returns: the changes with their sequences.
  @discardableResult
  public func appendOutbox(_ changes: [BackorderChange]) throws -> [BackorderChange] {
    try changes.map { change in
      guard change.quantity >= 0 else {
        throw DomainError.internalError("a backorder change of \(change.subscriptionID) has a negative quantity")
      }
      var record = BackorderOutboxRecord(change)
      try sql.insert(&record)
      guard let sequence = record.sequence else {
        throw DomainError.internalError("the backorder change was not appended")
      }
      var appended = change
      appended.sequence = sequence
      return appended
    }
  }

  /// The outbox's changes not yet confirmed by the parent, oldest first, at most `limit`.
  public func outbox(limit: Int = 100) throws -> [BackorderChange] {
    try sql.fetchAll(
      BackorderOutboxRecord.self, "SELECT * FROM backorderOutbox ORDER BY sequence LIMIT ?", [max(0, limit)]
    ).map(\.change)
  }

  /// Removes every change up to and including `sequence` (the parent has them).
  ///
  /// - Returns: how many were removed.
  @discardableResult
  public func deleteOutbox(upTo sequence: Int64) throws -> Int {
    try sql.execute("DELETE FROM backorderOutbox WHERE sequence <= ?", [sequence])
  }

  /// Removes one change; `false` when it was not there.
  @discardableResult
  public func deleteOutbox(sequence: Int64) throws -> Bool {
    try sql.execute("DELETE FROM backorderOutbox WHERE sequence = ?", [sequence]) == 1
  }

  /// How many changes wait in the outbox.
  public func outboxCount() throws -> Int {
    try sql.fetchOne(Int.self, "SELECT COUNT(*) FROM backorderOutbox") ?? 0
  }
}
