import Foundation
import Logging
import OrderDomain
import OrderStorage

/// Runs the organizations' background jobs when they come due.
///
/// Each organization's jobs live in its own database; the registry keeps only the next due
/// time per organization (`wakeups`), so finding due work never scans every organization.
/// A caller that may enqueue a job first calls ``prepare(_:)`` (an early wake-up in the
/// registry, written before the job's transaction), then ``committed(_:)``. A crash between
/// the two leaves a harmless early wake-up, never a job without one.
actor WorkScheduler {
  private let registry: Registry
  private let databases: OrganizationDatabases
  private let clock: ServerClock
  private let logger: Logger
  private var handlers: [String: any JobHandler] = [:]
  /// Bumped by ``prepare(_:)``: a wake-up is only cleared if no caller prepared meanwhile.
  private var generations: [OrganizationID: Int] = [:]
  private var running: Task<Int, any Error>?
  private nonisolated let signals: AsyncStream<Void>
  private nonisolated let signalContinuation: AsyncStream<Void>.Continuation

  private let bell: NotificationBell

  init(registry: Registry, databases: OrganizationDatabases, clock: ServerClock, bell: NotificationBell, logger: Logger)
  {
    self.bell = bell
    self.registry = registry
    self.databases = databases
    self.clock = clock
    self.logger = logger
    (self.signals, self.signalContinuation) = AsyncStream.makeStream(
      of: Void.self, bufferingPolicy: .bufferingNewest(1))
  }

  func register(_ handler: any JobHandler) {
    self.handlers[handler.kind] = handler
  }

  /// Call before a transaction that may enqueue jobs for `organization`.
  func prepare(_ organization: OrganizationID) async throws {
    self.generations[organization, default: 0] += 1
    try await self.registry.setWakeup(organization, dueAt: self.clock.now())
  }

  /// Call after that transaction committed: wakes the runner.
  nonisolated func committed(_ organization: OrganizationID) {
    self.wake()
  }

  /// Runs every job due at the clock's current time, organization by organization, until
  /// none is left; returns how many jobs ran.
  @discardableResult
  func runDue() async throws -> Int {
    // One pass at a time: the runner and a clock advance never run the same jobs twice.
    while let running = self.running { _ = try? await running.value }
    let pass = Task { try await self.runDuePass() }
    self.running = pass
    defer { self.running = nil }
    return try await pass.value
  }

  /// Moves a simulated clock to `target`, running everything that comes due on the way in
  /// time order, each job at its own due time (F6). Returns when all of it has run.
  /// `persist` records each step, so a crash mid-way never moves the clock back on restart.
  func advance(to target: Date, persist: @Sendable (Date) async throws -> Void) async throws -> Date {
    try await self.runDue()
    while let next = try await self.nextDue(), next <= target {
      if next > self.clock.now() {
        try await persist(try self.clock.advance(to: next))
      }
      try await self.runDue()
    }
    let now = try self.clock.advance(to: target)
    try await persist(now)
    try await self.runDue()
    return now
  }

  private func runDuePass() async throws -> Int {
    var executed = 0
    while true {
      let now = self.clock.now()
      let due = try await self.registry.dueWakeups(by: now, limit: 64)
      if due.isEmpty { return executed }
      for (organization, _) in due {
        executed += try await self.runJobs(of: organization, now: now)
      }
    }
  }

  /// The earliest time any organization has work due, if any.
  func nextDue() async throws -> Date? {
    try await self.registry.earliestWakeup()
  }

  private func runJobs(of organization: OrganizationID, now: Date) async throws -> Int {
    let generation = self.generations[organization, default: 0]
    let handlers = self.handlers
    let logger = self.logger
    let (executed, next) = try await self.databases.withStore(organization) { store in
      var executed = 0
      while true {
        let jobs = try await store.read { tx in try tx.dueJobs(by: now, limit: 32) }
        if jobs.isEmpty { break }
        for job in jobs {
          guard let handler = handlers[job.kind] else {
            logger.error("no handler for job kind", metadata: ["org": "\(organization)", "kind": "\(job.kind)"])
            try await store.write { tx in
              try tx.rescheduleJob(job.id, dueAt: now.addingTimeInterval(3600), error: "no handler for \(job.kind)")
            }
            continue
          }
          do {
            try await handler.run(job, in: organization, store: store, now: now)
          } catch {
            // The job's transaction rolled back: try again later, with the error kept.
            let delay = Self.retryDelay(afterAttempts: job.attempts + 1)
            logger.error(
              "job failed",
              metadata: [
                "org": "\(organization)", "kind": "\(job.kind)", "subject": "\(job.subject)", "error": "\(error)",
              ])
            try await store.write { tx in
              try tx.rescheduleJob(job.id, dueAt: now.addingTimeInterval(delay), error: "\(error)")
            }
          }
          executed += 1
        }
      }
      return (executed, try await store.read { tx in try tx.nextJobDueAt() })
    }
    if executed > 0 { self.bell.ring(organization) }
    if self.generations[organization, default: 0] == generation {
      try await self.registry.replaceWakeup(organization, dueAt: next)
    } else if let next {
      try await self.registry.setWakeup(organization, dueAt: next)
    }
    return executed
  }

  /// Runs due work until cancelled: after every signal, and by itself when work comes due
  /// on the system clock. A simulated clock moves only through ``advance(to:)``.
  nonisolated func run() async throws {
    while !Task.isCancelled {
      do {
        try await self.runDue()
      } catch {
        self.logger.error("background work failed", metadata: ["error": "\(error)"])
      }
      var wait = Duration.seconds(60)
      if !self.clock.isSimulated, let next = try? await self.nextDue() {
        let seconds = max(0, min(60, next.timeIntervalSince(self.clock.now())))
        wait = .milliseconds(Int64(seconds * 1000))
      }
      await self.waitForSignal(timeout: wait)
    }
  }

  /// Waits until ``committed(_:)`` or ``wake()`` signals new work, or `timeout` passes.
  private nonisolated func waitForSignal(timeout: Duration) async {
    let signals = self.signals
    await withTaskGroup(of: Void.self) { group in
      group.addTask {
        for await _ in signals { return }
      }
      group.addTask { try? await Task.sleep(for: timeout) }
      await group.next()
      group.cancelAll()
    }
  }

  /// Wakes the runner.
  nonisolated func wake() { self.signalContinuation.yield() }

  /// Backoff for jobs whose transaction failed unexpectedly: 5 s doubling to 1 h.
  static func retryDelay(afterAttempts attempts: Int) -> TimeInterval {
    min(3600, 5 * pow(2, Double(max(0, attempts - 1))))
  }
}
