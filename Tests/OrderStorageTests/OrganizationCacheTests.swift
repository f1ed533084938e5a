import Foundation
import OrderDomain
import Synchronization
import Testing

@testable import OrderStorage

/// Issue 13: organizations are read from memory after the first read, and a change of the
/// parent account is seen at once.
@Suite("Registry: organizations cached", .timeLimit(.minutes(2)))
struct OrganizationCacheTests {
  @Test("B2: a cached organization reads without the database and shows a new parent account at once")
  func cachedAndInvalidated() async throws {
    try await withRegistry { registry, _ in
      let root = try await registry.bootstrap(now: t0).root
      let child = try await registry.createOrganization(name: "Tenant", kind: .tenant, parent: root.id, now: t0)
      let first = try await registry.organization(id: child.organization.id)
      #expect(first?.parentAccountID == nil)
      #expect(registry.organizations.withLock { $0.lookup(child.organization.id) } == first)
      _ = try await registry.setParentAccount(child: child.organization.id, account: "ACC-000004")
      #expect(try await registry.organization(id: child.organization.id)?.parentAccountID == "ACC-000004")
    }
  }

  @Test("an unknown organization is not cached as missing: created later, it is found")
  func missingIsNotCached() async throws {
    try await withRegistry { registry, _ in
      #expect(try await registry.organization(id: "00000000-0000-0000-0000-000000000001") == nil)
      let root = try await registry.bootstrap(now: t0).root
      #expect(try await registry.organization(id: root.id) == root)
    }
  }
}
