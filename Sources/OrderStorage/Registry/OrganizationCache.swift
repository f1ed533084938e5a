import OrderDomain

/// Organizations read recently, so that a call needing its organization (its currency, its
/// parent) skips the registry's database (issue 13: one read and two thread hops per call).
///
/// An organization changes only when its parent account is set; that write invalidates it
/// (on other nodes too, through ``evictCachedOrganization(_:)``),
/// bumping a generation, and a read that started before may not store its (possibly stale)
/// result, as in ``AuthenticationCache``.
struct OrganizationCache {
  static let capacity = 10_000

  private var entries: [OrganizationID: Organization] = [:]
  private(set) var generation: UInt64 = 0

  func lookup(_ id: OrganizationID) -> Organization? { entries[id] }

  mutating func store(_ organization: Organization, ifGeneration expected: UInt64) {
    guard expected == generation else { return }
    if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
    entries[organization.id] = organization
  }

  /// Forgets every organization (signals from other nodes may have been missed).
  mutating func invalidateAll() {
    generation &+= 1
    entries.removeAll(keepingCapacity: true)
  }

  mutating func invalidate(_ id: OrganizationID) {
    generation &+= 1
    entries[id] = nil
  }
}
