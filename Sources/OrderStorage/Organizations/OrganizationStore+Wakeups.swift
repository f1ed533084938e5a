import Foundation
import OrderDomain

/// An organization's wake-up in the registry, kept in its own transactions (issue 14, on
/// PostgreSQL): each job's due time is written with the job (``CommitSignal/jobDue(_:)``),
/// and settling reads the queue and moves the wake-up in one write under the organization's
/// writer lock, so no write on any node can slip between the two.
///
/// On SQLite the registry is another file: its wake-ups are kept around the writes instead
/// (`WorkWakeups` in OrderServer), and ``settleWakeup()`` is not available.
extension OrganizationStore {
  /// Whether the organization's transactions keep its wake-up (PostgreSQL).
  public var keepsWakeupInTransaction: Bool {
    if case .postgres = engine { return true }
    return false
  }

  /// After the runner ran the organization's due jobs: sets its wake-up to its next job's due
  /// time (none: removes it) and releases the claim on it, in one write under the writer
  /// lock, then tells the other nodes (a node waiting for this organization's work looks
  /// again). Returns that next due time.
  @discardableResult
  public func settleWakeup() async throws -> Date? {
    guard keepsWakeupInTransaction else {
      preconditionFailure("an SQLite organization's wake-up is the registry's (WorkWakeups.settle)")
    }
    let id = organizationID.rawValue
    return try await write { tx in
      let next = try tx.nextJobDueAt()
      if let next {
        try tx.sql.execute(
          """
          INSERT INTO orderd.wakeups (organizationID, dueAt) VALUES (?, ?) ON CONFLICT (organizationID)
          DO UPDATE SET dueAt = excluded.dueAt, claimedBy = NULL, claimExpiresAt = NULL
          """, [id, next])
      } else {
        try tx.sql.execute("DELETE FROM orderd.wakeups WHERE organizationID = ?", [id])
      }
      tx.sql.onCommit(.workSettled)
      return next
    }
  }
}
