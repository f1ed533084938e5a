import Foundation
import OrderDomain
import OrderStorage
import Synchronization

/// The wake-ups of background work: which organization has work due when (kept in the
/// registry, so finding due work never scans every organization), and the signal that wakes
/// the runner when new work is committed.
///
/// A caller that may enqueue a job first calls ``prepare(_:)`` (an early wake-up in the
/// registry, written before the job's transaction), then ``committed(_:)``. A crash between
/// the two leaves a harmless early wake-up, never a job without one.
final class WorkWakeups: Sendable {
  private enum Runner: Hashable { case work }

  private let registry: Registry
  private let clock: ServerClock
  /// Bumped by ``prepare(_:)``: the runner keeps an organization's wake-up early when a
  /// caller prepared while it ran that organization's jobs.
  private let preparations = Mutex<[OrganizationID: UInt64]>([:])
  private let signal = KeyedSignal<Runner>()

  init(registry: Registry, clock: ServerClock) {
    self.registry = registry
    self.clock = clock
  }

  /// Call before a transaction that may enqueue jobs for `organization`.
  func prepare(_ organization: OrganizationID) async throws {
    self.preparations.withLock { $0[organization, default: 0] &+= 1 }
    try await self.registry.setWakeup(organization, dueAt: self.clock.now())
  }

  /// Call after that transaction committed: wakes the runner.
  func committed(_ organization: OrganizationID) {
    self.wake()
  }

  /// Wakes the runner.
  func wake() { self.signal.ring(.work) }

  /// How often the runner was woken so far; pass it to ``waitForWake(after:timeout:)``.
  var wakeCount: UInt64 { self.signal.generation(.work) }

  /// Suspends until a wake after `count`, `timeout`, or cancellation.
  func waitForWake(after count: UInt64, timeout: Duration) async {
    await self.signal.wait(.work, after: count, timeout: timeout)
  }

  /// How often `organization` was prepared so far.
  func preparationCount(_ organization: OrganizationID) -> UInt64 {
    self.preparations.withLock { $0[organization, default: 0] }
  }

  /// Records the organization's next due job after the runner ran its due jobs. When a
  /// caller prepared since `preparationsSeen` (it may have enqueued a job the runner did not
  /// see), the wake-up stays at now. The check comes after the write, so a preparation
  /// racing with it is never overwritten.
  func settle(_ organization: OrganizationID, next: Date?, preparationsSeen: UInt64) async throws {
    try await self.registry.replaceWakeup(organization, dueAt: next)
    if self.preparationCount(organization) != preparationsSeen {
      try await self.registry.setWakeup(organization, dueAt: self.clock.now())
    }
  }

  /// Puts an organization whose work failed as a whole (its database could not be opened,
  /// say) back at `date`, so that it cannot hold up the others.
  func postpone(_ organization: OrganizationID, until date: Date) async throws {
    try await self.registry.replaceWakeup(organization, dueAt: date)
  }
}
