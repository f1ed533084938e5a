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
///
/// The early wake-up is written once, not before every write: while the registry's wake-up
/// of an organization is known to be due already (``Entry/markedDue``), a write needs no
/// other. Only ``settle(_:next:seen:)`` moves a wake-up later, and it decides to, and forgets
/// the mark, inside the registry transaction that moves it, atomically with the check that
/// no write began since the runner looked: a write that begins after that check writes its
/// own early wake-up, which the registry commits after the move (issue 13).
///
/// On PostgreSQL (``keptInTransaction``) the organizations' own transactions keep their
/// wake-ups instead, for every node (``OrganizationStore/settleWakeup()``): no early wake-up is
/// written, and the runner settles through the organization's store, not here.
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
  /// Whether each job's wake-up is written in the transaction that enqueues it (PostgreSQL).
  let keptInTransaction: Bool
  /// What is known of one organization.
  private struct Entry {
    var writes = Writes()
    /// The registry's wake-up of the organization is due already: no early one is needed.
    var markedDue = false
  }

  private let entries = Mutex<[OrganizationID: Entry]>([:])
  private let signal = KeyedSignal<Runner>()
  /// Until when (business time) the runner sleeps unless woken; `nil` while it works.
  private let runnerSleep = Mutex<Date?>(nil)
  private let skippedWakes = Atomic<Int>(0)

  init(registry: Registry, clock: ServerClock, keptInTransaction: Bool = false) {
    self.registry = registry
    self.clock = clock
    self.keptInTransaction = keptInTransaction
  }

  /// Runs `write`, which may enqueue jobs for `organization`, between an early wake-up and a
  /// wake of the runner.
  ///
  /// The runner is woken only when the write may have left work due before the runner wakes
  /// by itself: when `write` recorded its organization's earliest job in the note, and that
  /// job is due after the time the runner sleeps until, it sleeps on (the early wake-up in
  /// the registry, due now, makes its next pass look at the organization anyway). A write
  /// that fails, or records nothing, always wakes it.
  func preparing<T>(_ organization: OrganizationID, _ write: (JobDueNote) async throws -> T) async throws -> T {
    let note = JobDueNote()
    let marked = self.entries.withLock { entries in
      entries[organization, default: Entry()].writes.begun &+= 1
      return entries[organization, default: Entry()].markedDue
    }
    defer {
      self.entries.withLock { $0[organization, default: Entry()].writes.ended &+= 1 }
      let now = self.clock.now()
      let deadline = self.runnerSleep.withLock { $0 }.map { max($0, now) }
      // Awake (nil): it looks at the registry again before it sleeps; asleep: only work due
      // before it wakes needs a wake.
      if let deadline, !note.mayBeDue(by: deadline) {
        self.skippedWakes.add(1, ordering: .relaxed)
      } else {
        self.wake()
      }
    }
    if !marked && !self.keptInTransaction {
      try await self.registry.setWakeup(organization, dueAt: self.clock.now())
      // Nothing moved it later since: this write is in flight, so settling waits.
      self.entries.withLock { $0[organization, default: Entry()].markedDue = true }
    }
    return try await write(note)
  }

  /// The runner says it sleeps until `deadline` (business time) unless woken, or, with `nil`,
  /// that it is awake: it reads the registry's wake-ups again before it next sleeps, so a
  /// write's early wake-up is seen without a wake.
  func runnerSleeps(until deadline: Date?) {
    self.runnerSleep.withLock { $0 = deadline }
  }

  /// Writes that left the runner asleep because nothing they enqueued came due (tests).
  var skippedWakeCount: Int { self.skippedWakes.load(ordering: .relaxed) }

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
    self.entries.withLock { $0[organization, default: Entry()].writes }
  }

  /// Records the organization's next due job after the runner ran its due jobs, and releases
  /// the claim on its due work (issue 14), unless a write began or ended since `seen` or is in
  /// flight (it may have enqueued a job the runner did not see): then the wake-up and the
  /// claim stay as they are, due now and this node's, and this returns `false` (run the
  /// organization again once that write has ended). The check runs inside the registry
  /// transaction that moves the wake-up, so a write cannot begin between the two unseen.
  func settle(_ organization: OrganizationID, next: Date?, seen: Writes) async throws -> Bool {
    guard !seen.inFlight else { return false }
    return try await self.registry.replaceWakeup(organization, dueAt: next) {
      self.entries.withLock { entries in
        guard entries[organization, default: Entry()].writes == seen else { return false }
        entries[organization]?.markedDue = false
        return true
      }
    }
  }
}
