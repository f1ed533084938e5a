import Foundation
import GRDB
import OrderDomain

/// Claims on due work (issue 14): a node runs an organization's due jobs only while it holds
/// the organization's claim in `wakeups`, so that several nodes on one storage spread the
/// organizations between them. A claim is a lease: it expires unless its node renews it, and
/// then any node may claim the work again (a node that died leaves its work to the others).
///
/// Correctness never depends on a claim: a job is deleted in the transaction that runs it, so
/// two nodes running one organization (after an expired claim) still run each job once.
///
/// On SQLite the lease is on the node's wall clock (`now`); one process opens a data directory,
/// so it claims everything due, once ``releaseAllClaims()`` has dropped a dead process's claims.
extension Registry {
  /// Claims for `node` the organizations with work due at or before `date` (business time)
  /// that no other node holds: unclaimed, claimed by `node` already, or whose claim expired
  /// before `now` (wall clock). Each claim holds until `now + lease`. Leaves out `excluded`
  /// (organizations the node does not run now); returns at most `limit`, earliest first.
  public func claimDueWakeups(
    by date: Date, for node: NodeID, lease: Duration, now: Date, excluding excluded: Set<OrganizationID> = [],
    limit: Int = 1024
  ) async throws -> [(OrganizationID, Date)] {
    let expires = now.addingTimeInterval(lease.inSeconds)
    let excludedList = try IDList.argument(excluded.sorted())
    let claimed = try await self.write { sql in
      try sql.fetchAll(
        WakeupRecord.self,
        """
        UPDATE wakeups SET claimedBy = ?1, claimExpiresAt = ?2
        WHERE organizationID IN (
          SELECT organizationID FROM wakeups
          WHERE dueAt <= ?3 AND (claimedBy = ?1 OR claimExpiresAt IS NULL OR claimExpiresAt < ?4)
            AND organizationID NOT IN (SELECT value FROM json_each(?5))
          ORDER BY dueAt, organizationID LIMIT ?6)
        RETURNING organizationID, dueAt
        """, [node.rawValue, expires, date, now, excludedList, max(0, limit)])
    }
    return claimed.sorted { ($0.dueAt, $0.organizationID) < ($1.dueAt, $1.organizationID) }
      .map { ($0.organizationID, $0.dueAt) }
  }

  /// The work due at or before `date` for `node`, leaving out `excluded`, as one read:
  /// whether some is claimable by it (unclaimed, its own, or a claim expired before `now`),
  /// and whether some is held by another node's claim that has not expired. The runner
  /// claims (a write under the registry's writer lock, a commit on PostgreSQL) only when
  /// there is something to claim: most of its wakes (an order scheduled for later) find
  /// nothing due.
  public func dueWork(
    by date: Date, for node: NodeID, now: Date, excluding excluded: Set<OrganizationID> = []
  ) async throws -> DueWork {
    let excludedList = try IDList.argument(excluded.sorted())
    return try await self.read { sql in
      let row = try sql.rows(
        """
        SELECT
          EXISTS (SELECT 1 FROM wakeups
            WHERE dueAt <= ?1 AND (claimedBy = ?2 OR claimExpiresAt IS NULL OR claimExpiresAt < ?3)
              AND organizationID NOT IN (SELECT value FROM json_each(?4))) AS claimable,
          EXISTS (SELECT 1 FROM wakeups
            WHERE dueAt <= ?1 AND claimedBy <> ?2 AND claimExpiresAt >= ?3
              AND organizationID NOT IN (SELECT value FROM json_each(?4))) AS elsewhere
        """, [date, node.rawValue, now, excludedList]
      ).first
      let claimable: Bool = row?["claimable"] ?? false
      let elsewhere: Bool = row?["elsewhere"] ?? false
      return DueWork(claimable: claimable, elsewhere: elsewhere)
    }
  }

  /// Extends `node`'s claim on `organization` to `now + lease`, while it runs long. Returns
  /// `false` when the node holds no claim there any more (it expired and another node took
  /// it, or the work was settled).
  public func renewClaim(_ organization: OrganizationID, for node: NodeID, lease: Duration, now: Date)
    async throws -> Bool
  {
    let expires = now.addingTimeInterval(lease.inSeconds)
    return try await self.write { sql in
      try sql.execute(
        "UPDATE wakeups SET claimExpiresAt = ? WHERE organizationID = ? AND claimedBy = ?",
        [expires, organization.rawValue, node.rawValue]) > 0
    }
  }

  /// Gives up `node`'s claim on `organization` without moving its wake-up (the node stops
  /// running it, e.g. after a failure), so that any node may claim it at once.
  public func releaseClaim(_ organization: OrganizationID, for node: NodeID) async throws {
    try await self.write { sql -> Void in
      try sql.execute(
        "UPDATE wakeups SET claimedBy = NULL, claimExpiresAt = NULL WHERE organizationID = ? AND claimedBy = ?",
        [organization.rawValue, node.rawValue])
    }
  }

  /// Gives up every claim of `node` without moving the wake-ups (the node stops).
  public func releaseClaims(of node: NodeID) async throws {
    try await self.write { sql -> Void in
      try sql.execute(
        "UPDATE wakeups SET claimedBy = NULL, claimExpiresAt = NULL WHERE claimedBy = ?", [node.rawValue])
    }
  }

  /// Drops every claim. Only where this process is the storage's one node (an SQLite data
  /// directory, at start): the claims there are a dead process's, whose leases would
  /// otherwise hold its work back until they expire.
  public func releaseAllClaims() async throws {
    try await self.write { sql -> Void in
      try sql.execute(
        "UPDATE wakeups SET claimedBy = NULL, claimExpiresAt = NULL WHERE claimedBy IS NOT NULL")
    }
  }

  /// Who holds the claim on `organization`'s due work, and until when (tests).
  func claim(of organization: OrganizationID) async throws -> (node: NodeID, expires: Date)? {
    try await self.read { sql in
      try sql.rows(
        "SELECT claimedBy, claimExpiresAt FROM wakeups WHERE organizationID = ? AND claimedBy IS NOT NULL",
        [organization.rawValue]
      ).first.map { row in (NodeID(rawValue: row["claimedBy"]), row["claimExpiresAt"]) }
    }
  }
}

/// What ``Registry/dueWork(by:for:now:excluding:)`` found.
public struct DueWork: Sendable, Equatable {
  /// Some due work this node may claim.
  public var claimable: Bool
  /// Some due work another node holds.
  public var elsewhere: Bool
}
