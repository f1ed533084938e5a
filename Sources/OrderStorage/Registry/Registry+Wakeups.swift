import Foundation
import OrderDomain

extension Registry {
  /// Records that `organization` has work due at `dueAt`, keeping the earlier of this and
  /// any time recorded already. When the recorded time is not later, nothing is written (no
  /// commit to sync): every write of a busy organization asks for this.
  public func setWakeup(_ organization: OrganizationID, dueAt: Date) async throws {
    try await self.write { sql -> Void in
      try sql.execute(
        """
        INSERT INTO wakeups (organizationID, dueAt) VALUES (?, ?)
        ON CONFLICT(organizationID) DO UPDATE SET dueAt = excluded.dueAt WHERE excluded.dueAt < wakeups.dueAt
        """, [organization.rawValue, dueAt])
    }
  }

  /// Sets the organization's next due time exactly (after running its due jobs, to the
  /// queue's ``OrganizationTransaction/nextJobDueAt()``); `nil` removes it. Either way the
  /// claim on its due work is released (``claimDueWakeups(by:for:lease:now:excluding:limit:)``).
  public func replaceWakeup(_ organization: OrganizationID, dueAt: Date?) async throws {
    _ = try await self.replaceWakeup(organization, dueAt: dueAt) { true }
  }

  /// Sets the organization's next due time exactly, as ``replaceWakeup(_:dueAt:)`` does,
  /// if `stillValid` holds when the write runs: it is called inside the transaction, on the
  /// registry's one writer, so what it checks is ordered with every other registry write.
  /// Returns whether the wake-up was set.
  public func replaceWakeup(
    _ organization: OrganizationID, dueAt: Date?, if stillValid: @escaping @Sendable () -> Bool
  ) async throws -> Bool {
    try await self.write { sql in
      guard stillValid() else { return false }
      if let dueAt {
        try sql.execute(
          """
          INSERT INTO wakeups (organizationID, dueAt) VALUES (?, ?) ON CONFLICT(organizationID)
          DO UPDATE SET dueAt = excluded.dueAt, claimedBy = NULL, claimExpiresAt = NULL
          """, [organization.rawValue, dueAt])
      } else {
        try sql.execute("DELETE FROM wakeups WHERE organizationID = ?", [organization.rawValue])
      }
      return true
    }
  }

  /// Organizations with work due at or before `date`, earliest first.
  public func dueWakeups(by date: Date, limit: Int = 100) async throws -> [(OrganizationID, Date)] {
    try await self.read { sql in
      try sql.fetchAll(
        WakeupRecord.self, "SELECT * FROM wakeups WHERE dueAt <= ? ORDER BY dueAt, organizationID LIMIT ?",
        [date, max(0, limit)]
      ).map { ($0.organizationID, $0.dueAt) }
    }
  }

  /// The earliest due time of any organization; `nil` when none has work.
  public func earliestWakeup() async throws -> Date? {
    try await self.read { sql in try sql.fetchOne(Date.self, "SELECT MIN(dueAt) FROM wakeups") }
  }
}
