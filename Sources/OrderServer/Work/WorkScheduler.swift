import Foundation
import Logging
import OrderDomain
import OrderStorage
import OrderWorkflows
import Synchronization

/// Runs the organizations' background jobs when they come due: scheduled orders and
/// changes, renewals, delayed provisioning, asset retries, the backorder relay (F5, F6).
///
/// A pass runs every organization that has work due, several organizations side by side
/// (bounded) and each organization's jobs in due order, many jobs to a transaction. It runs
/// only the organizations it claimed for this node
/// (``Registry/claimDueWakeups(by:for:lease:now:excluding:limit:)``), so that nodes sharing a
/// storage spread them between them (issue 14). Passes and clock advances take turns through
/// one gate, so the same work never runs twice at once, and run in their caller's task, so
/// cancelling the caller stops them between transactions.
final class WorkScheduler: Sendable {
  /// How the scheduler runs; the defaults suit production.
  struct Configuration: Sendable {
    /// Organizations whose jobs run at the same time.
    var concurrentOrganizations = 4
    /// Jobs of one organization committed in one transaction.
    var jobsPerTransaction = 256
    /// The longest the runner sleeps without looking at the clock and the registry.
    var maximumIdleWait: Duration = .seconds(60)
    /// How long an organization whose work failed as a whole waits before it is tried again,
    /// when an operator must act (a damaged file, a newer schema) or the failure is not the
    /// storage's.
    var failedOrganizationDelay: Duration = .seconds(300)
    /// The waits of an organization whose storage failed in a way that may pass by itself (a
    /// full disk, an I/O error, a lock): 2 s, doubling with each failure in a row, to a minute.
    var storageRetry = Backoff(first: .seconds(2), maximum: .seconds(60))
    /// How long a claim on an organization's due work holds without renewal (wall clock): a
    /// node that dies leaves its organizations to the others for at most this long. Renewed
    /// every third of it while an organization runs.
    var workLease: Duration = .seconds(30)
  }

  let wakeups: WorkWakeups
  let configuration: Configuration
  /// This process among the nodes on the storage: the holder of its claims.
  let node: NodeID
  let registry: Registry
  let databases: OrganizationDatabases
  let clock: ServerClock
  let bell: NotificationBell
  let logger: Logger
  let handlers: [JobKind: any JobHandler]
  let crossOrganizationHandlers: [JobKind: any CrossOrganizationJobHandler]
  let crossOrganizationKinds: Set<String>
  let metrics: WorkMetrics
  let paused = PausedOrganizations()
  private let gate = SerialGate()
  private let passes = Atomic<Int>(0)

  init(
    registry: Registry, databases: OrganizationDatabases, clock: ServerClock, bell: NotificationBell,
    wakeups: WorkWakeups, handlers: [any JobHandler], crossOrganizationHandlers: [any CrossOrganizationJobHandler],
    configuration: Configuration = .init(), node: NodeID, metrics: WorkMetrics, logger: Logger
  ) {
    self.node = node
    self.metrics = metrics
    self.registry = registry
    self.databases = databases
    self.clock = clock
    self.bell = bell
    self.wakeups = wakeups
    self.handlers = Dictionary(handlers.map { ($0.kind, $0) }, uniquingKeysWith: { $1 })
    self.crossOrganizationHandlers = Dictionary(
      crossOrganizationHandlers.map { ($0.kind, $0) }, uniquingKeysWith: { $1 })
    self.crossOrganizationKinds = Set(self.crossOrganizationHandlers.keys.map(\.rawValue))
    self.configuration = configuration
    self.logger = logger
  }

  /// How many passes over due work ran so far (tests count them to prove an idle runner
  /// stays asleep).
  var passCount: Int { self.passes.load(ordering: .relaxed) }

  /// Runs `write`, which may enqueue jobs for `organization`, so that its jobs are never
  /// left without a wake-up (see ``WorkWakeups/preparing(_:_:)``).
  func preparing<T>(_ organization: OrganizationID, _ write: (JobDueNote) async throws -> T) async throws -> T {
    try await self.wakeups.preparing(organization, write)
  }

  /// What a pass did: how many jobs ran, and whether it left organizations due because a
  /// write that may enqueue jobs began, ended or was in flight there while their jobs ran
  /// (the end of that write wakes the runner), or because another node holds their claims
  /// (its settle, or the claim's expiry, lets this node look again).
  struct Pass: Sendable {
    var executed = 0
    var leftInFlight = false
    var leftClaimed = false
  }

  /// Runs every job due at the clock's current time until none is left; returns how many
  /// jobs ran.
  @discardableResult
  func runDue() async throws -> Int {
    try await self.gate.run { try await self.runDuePass() }.executed
  }

  /// Moves a simulated clock to `target`, running everything that comes due on the way in
  /// time order, each job at its own due time (F6). Returns when all of it has run.
  /// `persist` records each step, so a crash mid-way never moves the clock back on restart.
  func advance(to target: Date, persist: @Sendable (Date) async throws -> Void) async throws -> Date {
    try await self.gate.run {
      guard self.clock.isSimulated else { throw ClockError.notSimulated }
      let start = self.clock.now()
      guard target >= start else { throw ClockError.backwards(now: start, target: target) }
      var seen = self.wakeups.wakeCount
      var pass = try await self.runDuePass()
      while let next = try await self.earliestWakeup(), next <= target {
        try Task.checkCancellation()
        if next > self.clock.now() {
          try await persist(try self.clock.advance(to: next))
        } else if pass.leftInFlight || pass.leftClaimed {
          // Due now but a write is in flight there, or another node runs it: wait for it to
          // end, not in a loop.
          await self.wakeups.waitForWake(after: seen, timeout: .seconds(1))
        }
        seen = self.wakeups.wakeCount
        pass = try await self.runDuePass()
      }
      let now = try self.clock.advance(to: target)
      try await persist(now)
      try await self.runDuePass()
      return now
    }
  }

  /// Runs due work until cancelled: after every wake, and by itself when work comes due on
  /// the system clock. A simulated clock moves only through ``advance(to:persist:)``.
  func run() async {
    var failures = 0
    while !Task.isCancelled {
      var seen = self.wakeups.wakeCount
      var wait: Duration
      do {
        let pass = try await self.gate.run { try await self.runDuePass() }
        if failures > 0 {
          self.logger.notice("background work resumed", metadata: ["failures": "\(failures)"])
          failures = 0
        }
        // A write in flight wakes the runner when it ends, another node's settle too; until
        // then nothing is to be done there.
        wait =
          pass.leftInFlight || pass.leftClaimed
          ? min(.seconds(1), self.configuration.maximumIdleWait)
          : (try? await self.idleWait()) ?? self.configuration.maximumIdleWait
      } catch _ where Task.isCancelled {
        return
      } catch {
        // The registry itself failed (a full disk, say): back off instead of spinning on it,
        // and say so once, not at every attempt.
        failures += 1
        if failures == 1 {
          self.logger.error(
            "background work failed; it waits and tries again by itself (logged once until it works again)",
            metadata: ["error": "\(error)"])
        }
        seen = self.wakeups.wakeCount
        wait = Backoff.registryRetry.delay(afterFailures: failures)
      }
      if wait > .zero {
        // On a simulated clock nothing comes due while the runner sleeps: only a clock
        // advance (which runs its own passes) moves it.
        let now = self.clock.now()
        self.wakeups.runnerSleeps(until: self.clock.isSimulated ? now : now.addingTimeInterval(wait.inSeconds))
        await self.wakeups.waitForWake(after: seen, timeout: wait)
        self.wakeups.runnerSleeps(until: nil)
      }
    }
  }

  /// How long the runner may sleep: until the earliest due work on the system clock or the
  /// end of an organization's pause, never longer than the configured maximum.
  private func idleWait() async throws -> Duration {
    var wait = self.configuration.maximumIdleWait
    if let end = self.paused.nextEnd() { wait = min(wait, end - .now) }
    guard !self.clock.isSimulated, let next = try await self.earliestWakeup() else { return wait }
    let seconds = next.timeIntervalSince(self.clock.now())
    guard seconds > 0 else { return .zero }
    return min(wait, .milliseconds(Int64((seconds * 1000).rounded(.up))))
  }

  /// The earliest due time of an organization that is not paused.
  private func earliestWakeup() async throws -> Date? {
    let waiting = self.paused.waiting()
    guard !waiting.isEmpty else { return try await self.registry.earliestWakeup() }
    return try await self.registry.dueWakeups(by: .distantFuture, limit: waiting.count + 1)
      .first { !waiting.contains($0.0) }?.1
  }

  /// One pass: every organization with work due now that this node could claim,
  /// `concurrentOrganizations` at a time, until none has any left. An organization left due
  /// because a write was in flight there runs once per pass (the next pass comes when that
  /// write ends), so a busy organization gets its jobs run on every pass without the runner
  /// spinning on it.
  @discardableResult
  private func runDuePass() async throws -> Pass {
    self.passes.add(1, ordering: .relaxed)
    var pass = Pass()
    var leftDue: Set<OrganizationID> = []
    while true {
      try Task.checkCancellation()
      let now = self.clock.now()
      // Paused organizations wait out their delay; the others go on.
      let skipped = leftDue.union(self.paused.waiting())
      // Alone on a data directory a node claims everything due at once (one registry write);
      // sharing PostgreSQL, only what it runs at once, so that other nodes take the rest.
      let limit = self.wakeups.keptInTransaction ? self.configuration.concurrentOrganizations : 1024
      let due = try await self.registry.dueWork(by: now, for: self.node, now: Date(), excluding: skipped)
      guard due.claimable else {
        pass.leftClaimed = due.elsewhere
        return pass
      }
      let ready = try await self.registry.claimDueWakeups(
        by: now, for: self.node, lease: self.configuration.workLease, now: Date(), excluding: skipped, limit: limit
      ).map(\.0)
      if ready.isEmpty {
        // Another node claimed it between the read and the claim.
        pass.leftClaimed = try await self.registry.dueWork(
          by: now, for: self.node, now: Date(), excluding: skipped
        ).elsewhere
        return pass
      }
      let run = { @Sendable (organization: OrganizationID) async throws -> (OrganizationID, Int, Bool) in
        let (executed, settled) = try await self.runOrganization(organization, now: now)
        return (organization, executed, settled)
      }
      let outcomes = try await withThrowingTaskGroup(of: (OrganizationID, Int, Bool).self) { group in
        var remaining = ready.makeIterator()
        for _ in 0..<self.configuration.concurrentOrganizations {
          guard let organization = remaining.next() else { break }
          group.addTask { try await run(organization) }
        }
        var outcomes: [(OrganizationID, Int, Bool)] = []
        while let outcome = try await group.next() {
          outcomes.append(outcome)
          if let organization = remaining.next() {
            group.addTask { try await run(organization) }
          }
        }
        return outcomes
      }
      for (organization, executed, settled) in outcomes {
        pass.executed += executed
        if !settled {
          leftDue.insert(organization)
          pass.leftInFlight = true
        }
      }
    }
  }
}
