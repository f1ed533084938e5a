import Foundation
import OrderDomain
import Testing

@testable import OrderStorage

/// Issue 14: claims on due work. A node runs an organization only while it holds its claim;
/// claims are leases on the wall clock, released by settling, taken over once expired.
@Suite("Claims on due work", .timeLimit(.minutes(2)))
struct WorkClaimTests {
  static let nodeA = NodeID(rawValue: "node-a")
  static let nodeB = NodeID(rawValue: "node-b")
  /// The wall clock of the leases (independent of the business time `t0` of the wake-ups).
  static let wall = Date(timeIntervalSince1970: 1_800_000_000)
  static let lease = Duration.seconds(30)

  /// The root and `count` tenants, each with work due at `t0 + its index`.
  private func organizations(_ registry: Registry, count: Int) async throws -> [OrganizationID] {
    let root = try await registry.bootstrap(now: t0).root.id
    var ids = [root]
    for index in 0..<count {
      ids.append(
        try await registry.createOrganization(name: "T\(index)", kind: .tenant, parent: root, now: t0).organization.id)
    }
    for (index, id) in ids.enumerated() { try await registry.setWakeup(id, dueAt: t0 + Double(index)) }
    return ids
  }

  @Test("a node claims everything due, earliest first; another node gets nothing until the claims expire")
  func oneNodeClaimsAll() async throws {
    try await withRegistry { registry, _ in
      let ids = try await self.organizations(registry, count: 3)
      try await registry.replaceWakeup(ids[3], dueAt: t0 + 600)
      let claimed = try await registry.claimDueWakeups(by: t0 + 60, for: Self.nodeA, lease: Self.lease, now: Self.wall)
      #expect(claimed.map(\.0) == Array(ids.prefix(3)))
      #expect(claimed.map(\.1) == [t0, t0 + 1, t0 + 2])
      let claim = try #require(try await registry.claim(of: ids[0]))
      #expect(claim.node == Self.nodeA && claim.expires == Self.wall + 30)
      #expect(try await registry.claim(of: ids[3]) == nil)  // not due: not claimed

      let later = Self.wall + 29
      #expect(try await registry.claimDueWakeups(by: t0 + 60, for: Self.nodeB, lease: Self.lease, now: later).isEmpty)
      #expect(try await registry.dueWork(by: t0 + 60, for: Self.nodeB, now: later).elsewhere)
      #expect(try await !registry.dueWork(by: t0 + 60, for: Self.nodeA, now: later).elsewhere)
      // The holder claims its own again (a pass after one that left it due), extending it.
      let again = try await registry.claimDueWakeups(by: t0 + 60, for: Self.nodeA, lease: Self.lease, now: later)
      #expect(again.map(\.0) == Array(ids.prefix(3)))
      #expect(try await registry.claim(of: ids[1])?.expires == later + 30)
    }
  }

  @Test("the runner's look before it claims: claimable here, held elsewhere, excluded, not yet due")
  func dueWorkBeforeClaiming() async throws {
    try await withRegistry { registry, _ in
      let ids = try await self.organizations(registry, count: 1)  // due at t0 and t0 + 1
      let nothing = DueWork(claimable: false, elsewhere: false)
      #expect(try await registry.dueWork(by: t0 - 1, for: Self.nodeA, now: Self.wall) == nothing)
      #expect(
        try await registry.dueWork(by: t0 + 60, for: Self.nodeA, now: Self.wall)
          == DueWork(claimable: true, elsewhere: false))
      #expect(try await registry.dueWork(by: t0 + 60, for: Self.nodeA, now: Self.wall, excluding: Set(ids)) == nothing)
      _ = try await registry.claimDueWakeups(by: t0, for: Self.nodeA, lease: Self.lease, now: Self.wall)
      // B: the first is A's, the second is free; A: both are its to claim.
      #expect(
        try await registry.dueWork(by: t0 + 60, for: Self.nodeB, now: Self.wall)
          == DueWork(claimable: true, elsewhere: true))
      #expect(
        try await registry.dueWork(by: t0, for: Self.nodeB, now: Self.wall)
          == DueWork(claimable: false, elsewhere: true))
      #expect(
        try await registry.dueWork(by: t0 + 60, for: Self.nodeA, now: Self.wall)
          == DueWork(claimable: true, elsewhere: false))
      // Once A's lease ran out, B may claim it.
      #expect(
        try await registry.dueWork(by: t0, for: Self.nodeB, now: Self.wall + 31)
          == DueWork(claimable: true, elsewhere: false))
    }
  }

  @Test("an expired claim is claimed again by another node")
  func expiredClaimIsTakenOver() async throws {
    try await withRegistry { registry, _ in
      let ids = try await self.organizations(registry, count: 1)
      _ = try await registry.claimDueWakeups(by: t0 + 60, for: Self.nodeA, lease: Self.lease, now: Self.wall)
      let expired = Self.wall + 31
      #expect(try await !registry.dueWork(by: t0 + 60, for: Self.nodeB, now: expired).elsewhere)
      let taken = try await registry.claimDueWakeups(by: t0 + 60, for: Self.nodeB, lease: Self.lease, now: expired)
      #expect(taken.map(\.0) == ids)
      #expect(try await registry.claim(of: ids[0])?.node == Self.nodeB)
      // The node that lost it finds out when it renews.
      #expect(try await !registry.renewClaim(ids[0], for: Self.nodeA, lease: Self.lease, now: expired))
      #expect(try await registry.renewClaim(ids[0], for: Self.nodeB, lease: Self.lease, now: expired + 10))
      #expect(try await registry.claim(of: ids[0])?.expires == expired + 40)
    }
  }

  @Test("settling releases the claim, whether the wake-up moves later or goes; releasing keeps the wake-up")
  func settleReleases() async throws {
    try await withRegistry { registry, _ in
      let ids = try await self.organizations(registry, count: 2)
      _ = try await registry.claimDueWakeups(by: t0 + 60, for: Self.nodeA, lease: Self.lease, now: Self.wall)
      try await registry.replaceWakeup(ids[0], dueAt: t0 + 3600)
      #expect(try await registry.claim(of: ids[0]) == nil)
      #expect(try await registry.dueWakeups(by: t0 + 3600).map(\.0).contains(ids[0]))
      try await registry.replaceWakeup(ids[1], dueAt: nil)
      #expect(try await registry.claim(of: ids[1]) == nil)

      // Released (a failed organization): due as before, and any node claims it at once.
      try await registry.releaseClaim(ids[2], for: Self.nodeB)  // not B's: nothing happens
      #expect(try await registry.claim(of: ids[2])?.node == Self.nodeA)
      try await registry.releaseClaim(ids[2], for: Self.nodeA)
      #expect(try await registry.claim(of: ids[2]) == nil)
      let claimed = try await registry.claimDueWakeups(by: t0 + 60, for: Self.nodeB, lease: Self.lease, now: Self.wall)
      #expect(claimed.map(\.0) == [ids[2]])
    }
  }

  @Test("a node that stops gives up its own claims only: the other node claims that work at once")
  func stoppingNodeReleasesItsClaims() async throws {
    try await withRegistry { registry, _ in
      let ids = try await self.organizations(registry, count: 3)
      _ = try await registry.claimDueWakeups(by: t0 + 60, for: Self.nodeA, lease: Self.lease, now: Self.wall, limit: 2)
      _ = try await registry.claimDueWakeups(by: t0 + 60, for: Self.nodeB, lease: Self.lease, now: Self.wall)
      #expect(try await registry.claim(of: ids[2])?.node == Self.nodeB)
      try await registry.releaseClaims(of: Self.nodeA)
      #expect(try await registry.claim(of: ids[0]) == nil)
      #expect(try await registry.claim(of: ids[2])?.node == Self.nodeB)
      let taken = try await registry.claimDueWakeups(by: t0 + 60, for: Self.nodeB, lease: Self.lease, now: Self.wall)
      #expect(Set(taken.map(\.0)) == Set(ids))
    }
  }

  @Test("excluded organizations are left unclaimed; releasing every claim frees a dead process's work")
  func excludedAndReleasedAll() async throws {
    try await withRegistry { registry, _ in
      let ids = try await self.organizations(registry, count: 2)
      let claimed = try await registry.claimDueWakeups(
        by: t0 + 60, for: Self.nodeA, lease: Self.lease, now: Self.wall, excluding: [ids[1]], limit: 1)
      #expect(claimed.map(\.0) == [ids[0]])
      #expect(try await registry.claim(of: ids[1]) == nil)
      _ = try await registry.claimDueWakeups(by: t0 + 60, for: Self.nodeA, lease: Self.lease, now: Self.wall)
      #expect(try await !registry.dueWork(by: t0 + 60, for: Self.nodeB, now: Self.wall, excluding: Set(ids)).elsewhere)
      try await registry.releaseAllClaims()
      for id in ids { #expect(try await registry.claim(of: id) == nil) }
    }
  }

  @Test("two registries on one file, as two nodes, claiming at once get disjoint claims covering all due work")
  func disjointClaims() async throws {
    try await withRegistry { registry, temporary in
      let ids = try await self.organizations(registry, count: 39)
      let other = try Registry(directory: temporary.directory)
      defer { try? other.close() }
      let claims = try await withThrowingTaskGroup(of: [OrganizationID].self) { group in
        for (node, registry) in [(Self.nodeA, registry), (Self.nodeB, other)] {
          group.addTask {
            var mine: [OrganizationID] = []
            // Small claims, many times each, so that the two interleave.
            while true {
              let claimed = try await registry.claimDueWakeups(
                by: t0 + 60, for: node, lease: Self.lease, now: Self.wall, excluding: Set(mine), limit: 3)
              if claimed.isEmpty { return mine }
              mine += claimed.map(\.0)
            }
          }
        }
        return try await group.reduce(into: [[OrganizationID]]()) { $0.append($1) }
      }
      #expect(Set(claims[0]).isDisjoint(with: claims[1]))
      #expect(Set(claims[0] + claims[1]) == Set(ids))
      #expect(claims[0].count + claims[1].count == ids.count)
    }
  }
}
