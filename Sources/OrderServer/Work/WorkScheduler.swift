import Foundation
import Logging
import OrderDomain
import OrderStorage
import Synchronization

/// Runs the organizations' background jobs when they come due: scheduled orders and
/// changes, renewals, delayed provisioning, asset retries, the backorder relay (F5, F6).
///
/// A pass runs every organization that has work due, several organizations side by side
/// (bounded) and each organization's jobs in due order, many jobs to a transaction. Passes
/// and clock advances take turns through one gate, so the same work never runs twice at
/// once, and run in their caller's task, so cancelling the caller stops them between
/// transactions.
final class WorkScheduler: Sendable {
  /// How the scheduler runs; the defaults suit production.
  struct Configuration: Sendable {
    /// Organizations whose jobs run at the same time.
    var concurrentOrganizations = 4
    /// Jobs of one organization committed in one transaction.
    var jobsPerTransaction = 256
    /// The longest the runner sleeps without looking at the clock and the registry.
    var maximumIdleWait: Duration = .seconds(60)
    /// How long an organization whose work failed as a whole waits before it is tried again.
    var failedOrganizationDelay: TimeInterval = 300
  }

  let wakeups: WorkWakeups
  let configuration: Configuration
  private let registry: Registry
  private let databases: OrganizationDatabases
  private let clock: ServerClock
  private let bell: NotificationBell
  private let logger: Logger
  private let handlers: [String: any JobHandler]
  private let crossOrganizationHandlers: [String: any CrossOrganizationJobHandler]
  private let gate = SerialGate()
  private let passes = Atomic<Int>(0)

  init(
    registry: Registry, databases: OrganizationDatabases, clock: ServerClock, bell: NotificationBell,
    wakeups: WorkWakeups, handlers: [any JobHandler], crossOrganizationHandlers: [any CrossOrganizationJobHandler],
    configuration: Configuration = .init(), logger: Logger
  ) {
    self.registry = registry
    self.databases = databases
    self.clock = clock
    self.bell = bell
    self.wakeups = wakeups
    self.handlers = Dictionary(handlers.map { ($0.kind, $0) }, uniquingKeysWith: { $1 })
    self.crossOrganizationHandlers = Dictionary(
      crossOrganizationHandlers.map { ($0.kind, $0) }, uniquingKeysWith: { $1 })
    self.configuration = configuration
    self.logger = logger
  }

  /// How many passes over due work ran so far (tests count them to prove an idle runner
  /// stays asleep).
  var passCount: Int { self.passes.load(ordering: .relaxed) }

  /// Call before a transaction that may enqueue jobs for `organization`.
  func prepare(_ organization: OrganizationID) async throws {
    try await self.wakeups.prepare(organization)
  }

  /// Call after that transaction committed: wakes the runner.
  func committed(_ organization: OrganizationID) {
    self.wakeups.committed(organization)
  }

  /// Runs every job due at the clock's current time until none is left; returns how many
  /// jobs ran.
  @discardableResult
  func runDue() async throws -> Int {
    try await self.gate.run { try await self.runDuePass() }
  }

  /// Moves a simulated clock to `target`, running everything that comes due on the way in
  /// time order, each job at its own due time (F6). Returns when all of it has run.
  /// `persist` records each step, so a crash mid-way never moves the clock back on restart.
  func advance(to target: Date, persist: @Sendable (Date) async throws -> Void) async throws -> Date {
    try await self.gate.run {
      guard self.clock.isSimulated else { throw ClockError.notSimulated }
      let start = self.clock.now()
      guard target >= start else { throw ClockError.backwards(now: start, target: target) }
      try await self.runDuePass()
      while let next = try await self.registry.earliestWakeup(), next <= target {
        try Task.checkCancellation()
        if next > self.clock.now() {
          try await persist(try self.clock.advance(to: next))
        }
        try await self.runDuePass()
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
    while !Task.isCancelled {
      var seen = self.wakeups.wakeCount
      var wait: Duration
      do {
        try await self.runDue()
        wait = (try? await self.idleWait()) ?? self.configuration.maximumIdleWait
      } catch _ where Task.isCancelled {
        return
      } catch {
        // The registry itself failed (the disk, say): back off instead of spinning on it.
        self.logger.error("background work failed; trying again in a second", metadata: ["error": "\(error)"])
        seen = self.wakeups.wakeCount
        wait = .seconds(1)
      }
      if wait > .zero {
        await self.wakeups.waitForWake(after: seen, timeout: wait)
      }
    }
  }

  /// How long the runner may sleep: until the earliest due work on the system clock, never
  /// longer than the configured maximum.
  private func idleWait() async throws -> Duration {
    let maximum = self.configuration.maximumIdleWait
    guard !self.clock.isSimulated, let next = try await self.registry.earliestWakeup() else { return maximum }
    let seconds = next.timeIntervalSince(self.clock.now())
    guard seconds > 0 else { return .zero }
    return min(maximum, .milliseconds(Int64((seconds * 1000).rounded(.up))))
  }

  /// One pass: every organization with work due now, `concurrentOrganizations` at a time,
  /// until none has any left.
  @discardableResult
  private func runDuePass() async throws -> Int {
    self.passes.add(1, ordering: .relaxed)
    var executed = 0
    while true {
      try Task.checkCancellation()
      let now = self.clock.now()
      let due = try await self.registry.dueWakeups(by: now, limit: 1024).map(\.0)
      if due.isEmpty { return executed }
      executed += try await withThrowingTaskGroup(of: Int.self) { group in
        var remaining = due.makeIterator()
        for _ in 0..<self.configuration.concurrentOrganizations {
          guard let organization = remaining.next() else { break }
          group.addTask { try await self.runOrganization(organization, now: now) }
        }
        var total = 0
        while let count = try await group.next() {
          total += count
          if let organization = remaining.next() {
            group.addTask { try await self.runOrganization(organization, now: now) }
          }
        }
        return total
      }
    }
  }

  /// Runs one organization's due jobs. A failure of the organization as a whole is logged
  /// and postpones only that organization.
  private func runOrganization(_ organization: OrganizationID, now: Date) async throws -> Int {
    do {
      return try await self.runJobs(of: organization, now: now)
    } catch _ where Task.isCancelled {
      throw CancellationError()
    } catch {
      let retry = now.addingTimeInterval(self.configuration.failedOrganizationDelay)
      self.logger.error(
        "background work of an organization failed; trying it again later",
        metadata: ["org": "\(organization)", "error": "\(error)", "retryAt": "\(retry.iso8601)"])
      try await self.wakeups.postpone(organization, until: retry)
      return 0
    }
  }

  private func runJobs(of organization: OrganizationID, now: Date) async throws -> Int {
    let preparations = self.wakeups.preparationCount(organization)
    let context = JobContext(
      organization: organization, currency: try await self.registry.currency(of: organization), now: now)
    let limit = self.configuration.jobsPerTransaction
    let (executed, next) = try await self.databases.withStore(organization) { store in
      var executed = 0
      while true {
        try Task.checkCancellation()
        let jobs = try await store.read { tx in try tx.dueJobs(by: now, limit: limit) }
        if jobs.isEmpty { break }
        executed += try await self.run(jobs, store: store, context: context)
      }
      return (executed, try await store.read { tx in try tx.nextJobDueAt() })
    }
    if executed > 0 { self.bell.ring(organization) }
    try await self.wakeups.settle(organization, next: next, preparationsSeen: preparations)
    return executed
  }

  /// Runs `jobs` in order: consecutive in-transaction jobs share a transaction, a
  /// cross-organization job runs on its own.
  private func run(_ jobs: [Job], store: OrganizationStore, context: JobContext) async throws -> Int {
    var batch: [Job] = []
    for job in jobs {
      guard let handler = self.crossOrganizationHandlers[job.kind] else {
        batch.append(job)
        continue
      }
      try await self.runInTransaction(batch, store: store, context: context)
      batch = []
      try await self.run(job, handler: handler, store: store, context: context)
    }
    try await self.runInTransaction(batch, store: store, context: context)
    return jobs.count
  }

  /// Runs `jobs` in one transaction, each in its own savepoint with its removal from the
  /// queue. A job that throws is rolled back alone and retried later with its error kept.
  private func runInTransaction(_ jobs: [Job], store: OrganizationStore, context: JobContext) async throws {
    guard !jobs.isEmpty else { return }
    let handlers = self.handlers
    do {
      let failures = try await store.write { tx in
        var failures: [(Job, String)] = []
        for job in jobs {
          do {
            try tx.savepoint {
              guard try tx.deleteJob(job.id) else { return }
              guard let handler = handlers[job.kind] else { throw UnknownJobKind(kind: job.kind) }
              try handler.run(job, tx: tx, context: context)
            }
          } catch {
            let delay = error is UnknownJobKind ? 3600 : Self.retryDelay(afterAttempts: job.attempts + 1)
            try tx.rescheduleJob(job.id, dueAt: context.now.addingTimeInterval(delay), error: "\(error)")
            failures.append((job, "\(error)"))
          }
        }
        return failures
      }
      for (job, error) in failures { self.logFailure(of: job, in: context.organization, error: error) }
    } catch _ where Task.isCancelled {
      throw CancellationError()
    } catch _ where jobs.count > 1 {
      // The transaction failed as a whole: one job per transaction, so that one broken job
      // cannot hold back the others.
      for job in jobs { try await self.runInTransaction([job], store: store, context: context) }
    } catch {
      self.logFailure(of: jobs[0], in: context.organization, error: "\(error)")
      try await self.reschedule(jobs[0], store: store, context: context, error: error)
    }
  }

  private func run(
    _ job: Job, handler: any CrossOrganizationJobHandler, store: OrganizationStore, context: JobContext
  ) async throws {
    do {
      try await handler.run(job, store: store, context: context)
    } catch _ where Task.isCancelled {
      throw CancellationError()
    } catch {
      self.logFailure(of: job, in: context.organization, error: "\(error)")
      try await self.reschedule(job, store: store, context: context, error: error)
    }
  }

  private func reschedule(_ job: Job, store: OrganizationStore, context: JobContext, error: any Error) async throws {
    let dueAt = context.now.addingTimeInterval(Self.retryDelay(afterAttempts: job.attempts + 1))
    try await store.write { tx in try tx.rescheduleJob(job.id, dueAt: dueAt, error: "\(error)") }
  }

  private func logFailure(of job: Job, in organization: OrganizationID, error: String) {
    self.logger.error(
      "job failed; it runs again later",
      metadata: ["org": "\(organization)", "kind": "\(job.kind)", "subject": "\(job.subject)", "error": "\(error)"])
  }

  /// Backoff for jobs whose transaction failed unexpectedly: 5 s doubling to 1 h.
  static func retryDelay(afterAttempts attempts: Int) -> TimeInterval {
    min(3600, 5 * pow(2, Double(max(0, attempts - 1))))
  }
}

/// A queued job of a kind this server has no handler for (a newer server's job, say).
struct UnknownJobKind: Error, CustomStringConvertible {
  let kind: String
  var description: String { "no handler for job kind \(self.kind)" }
}
