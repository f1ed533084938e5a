import Foundation
import OrderDomain
import OrderStorage
import Synchronization

/// The wake-ups of background work: which organization has work due when (kept in the
/// registry, so finding due work never scans every organization), and the signal that wakes
/// the runner when new work is committed.
///
/// A write that may enqueue a job runs inside ``preparing(_:_:)``: an early wake-up is
/// written to the registry before its transaction (a crash after it leaves a harmless early
/// wake-up, never a job without one), and the runner is woken after the commit. While such a
/// write is in flight, the runner leaves the organization alone and never moves its wake-up
/// later: it cannot see a job that is not committed yet.
final class WorkWakeups: Sendable {
  private enum Runner: Hashable { case work }

  /// Writes that may enqueue jobs, per organization: begun and ended (committed or not).
  struct Writes: Equatable, Sendable {
    var begun: UInt64 = 0
    var ended: UInt64 = 0
    var inFlight: Bool { self.begun != self.ended }
  }

  private let registry: Registry
  private let clock: ServerClock
  private let writes = Mutex<[OrganizationID: Writes]>([:])
  private let signal = KeyedSignal<Runner>()

  init(registry: Registry, clock: ServerClock) {
    self.registry = registry
    self.clock = clock
  }

  /// Runs `write`, which may enqueue jobs for `organization`, between an early wake-up and a
  /// wake of the runner.
  func preparing<T>(_ organization: OrganizationID, _ write: () async throws -> T) async throws -> T {
    self.writes.withLock { $0[organization, default: Writes()].begun &+= 1 }
    defer {
      self.writes.withLock { $0[organization, default: Writes()].ended &+= 1 }
      self.wake()
    }
    try await self.registry.setWakeup(organization, dueAt: self.clock.now())
    return try await write()
  }

  /// Wakes the runner.
  func wake() { self.signal.ring(.work) }

  /// How often the runner was woken so far; pass it to ``waitForWake(after:timeout:)``.
  var wakeCount: UInt64 { self.signal.generation(.work) }

  /// Suspends until a wake after `count`, `timeout`, or cancellation.
  func waitForWake(after count: UInt64, timeout: Duration) async {
    await self.signal.wait(.work, after: count, timeout: timeout)
  }

  /// The writes of `organization` so far; the runner notes them before it reads the queue.
  func writes(_ organization: OrganizationID) -> Writes {
    self.writes.withLock { $0[organization, default: Writes()] }
  }

  /// Records the organization's next due job after the runner ran its due jobs, unless a
  /// write began or ended since `seen` or is in flight (it may have enqueued a job the runner
  /// did not see): then the wake-up stays as it is, due now, and this returns `false` (run
  /// the organization again once that write has ended). A write that begins while the new
  /// time is written is caught by the check after it.
  func settle(_ organization: OrganizationID, next: Date?, seen: Writes) async throws -> Bool {
    guard self.writes(organization) == seen, !seen.inFlight else { return false }
    try await self.registry.replaceWakeup(organization, dueAt: next)
    guard self.writes(organization) == seen else {
      try await self.registry.setWakeup(organization, dueAt: self.clock.now())
      return false
    }
    return true
  }
}
