import Foundation
import OrderDomain

/// Recently authenticated keys, so the hot path skips the registry's database.
///
/// Revocation must win: ``invalidate(_:)`` bumps a generation, and a lookup that started
/// before it may not store its (possibly stale) result.
struct AuthenticationCache {
  struct Entry {
    var principal: Principal
    var secretHash: Data
    var expires: ContinuousClock.Instant
  }

  static let lifetime: Duration = .seconds(30)
  static let capacity = 10_000

  private var entries: [APIKeyID: Entry] = [:]
  private(set) var generation: UInt64 = 0

  func lookup(_ id: APIKeyID, now: ContinuousClock.Instant) -> Entry? {
    guard let entry = entries[id], entry.expires > now else { return nil }
    return entry
  }

  mutating func store(_ entry: Entry, for id: APIKeyID, ifGeneration expected: UInt64) {
    guard expected == generation else { return }
    if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
    entries[id] = entry
  }

  /// Forgets every key (signals from other nodes may have been missed).
  mutating func invalidateAll() {
    generation &+= 1
    entries.removeAll(keepingCapacity: true)
  }

  mutating func invalidate(_ id: APIKeyID) {
    generation &+= 1
    entries[id] = nil
  }
}
