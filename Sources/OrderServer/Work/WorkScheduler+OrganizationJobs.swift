import Foundation
import Logging
import OrderDomain
import OrderStorage
import OrderWorkflows

/// Running one organization's due jobs: in batches, each job in a savepoint, the relay beside.
extension WorkScheduler {
  /// Runs one organization's due jobs, renewing this node's claim on it while they run. A
  /// failure of the organization as a whole pauses only that organization
  /// (``PausedOrganizations``) and releases the claim, logged once per episode: when it
  /// begins and when the organization's work runs again.
  func runOrganization(_ organization: OrganizationID, now: Date) async throws -> (executed: Int, settled: Bool) {
    do {
      let result = try await self.runJobs(of: organization, now: now)
      if let pause = self.paused.resume(organization) {
        self.logger.notice(
          "background work of an organization resumed",
          metadata: ["org": "\(organization)", "failures": "\(pause.failures)"])
      }
      return result
    } catch _ where Task.isCancelled {
      throw CancellationError()
    } catch {
      let (pause, began) = self.paused.pause(organization, error: "\(error)") { failures in
        self.retryDelay(after: error, failures: failures)
      }
      let metadata: Logger.Metadata = [
        "org": "\(organization)", "error": "\(error)", "retryIn": "\(pause.until - .now)",
        "failures": "\(pause.failures)",
      ]
      if began {
        self.logger.error(
          "background work of an organization failed; it waits and is tried again by itself (logged once until it runs)",
          metadata: metadata)
      } else {
        self.logger.debug("background work of an organization failed again", metadata: metadata)
      }
      // Another node may try it meanwhile; if the registry cannot be written, the claim expires.
      try? await self.registry.releaseClaim(organization, for: self.node)
      // The runner may be asleep for longer than the pause: let it look at the pause's end.
      self.wakeups.wake()
      return (0, true)
    }
  }

  /// How long an organization waits after `failures` failures in a row: a few seconds,
  /// doubling (``Configuration/storageRetry``), when its storage may recover by itself (space freed, a lock released);
  /// ``Configuration/failedOrganizationDelay`` otherwise.
  func retryDelay(after error: any Error, failures: Int) -> Duration {
    guard let failure = error as? StorageFailure, failure.isTransient else {
      return self.configuration.failedOrganizationDelay
    }
    return self.configuration.storageRetry.delay(afterFailures: failures)
  }

  private func runJobs(of organization: OrganizationID, now: Date) async throws -> (executed: Int, settled: Bool) {
    // Noted before the queue is read: a write that begins or ends after this may add a job.
    let seen = self.wakeups.writes(organization)
    let context = JobContext(
      organization: organization, currency: try await self.registry.currency(of: organization), now: now)
    let inTransaction = self.wakeups.keptInTransaction
    let (executed, next) = try await self.renewingClaim(on: organization) {
      try await self.databases.withStore(organization) { store in
        let executed = try await self.runDueJobs(store: store, context: context)
        // PostgreSQL: settled below, in the organization's own write (atomic on every node).
        return (executed, inTransaction ? nil : try await store.read { tx in try tx.nextJobDueAt() })
      }
    }
    if executed > 0 {
      self.bell.ring(organization)
      self.logger.debug(
        "ran due jobs", metadata: ["org": "\(organization)", "node": "\(self.node)", "jobs": "\(executed)"])
    }
    if inTransaction {
      // After the claim's renewal stopped: the settle releases the claim.
      _ = try await self.databases.withStore(organization) { store in try await store.settleWakeup() }
      return (executed, true)
    }
    return (executed, try await self.wakeups.settle(organization, next: next, seen: seen))
  }

  /// Runs the organization's due jobs until none is left: in-transaction jobs in due order,
  /// many to a transaction; a cross-organization job (the backorder relay) beside them, one
  /// at a time, so that the parent applies the first backorders while the tenant still
  /// executes the rest of its orders. The relay delivers only what is committed, in outbox
  /// order, so running it beside later jobs keeps every guarantee of B3.
  private func runDueJobs(store: OrganizationStore, context: JobContext) async throws -> Int {
    let limit = self.configuration.jobsPerTransaction
    return try await withThrowingTaskGroup(of: Int.self) { beside in
      var executed = 0
      var running: JobID?
      while true {
        try Task.checkCancellation()
        let crossKinds = self.crossOrganizationKinds
        let due = try await store.read { tx in
          // The relay is found even behind thousands of jobs due at the same time.
          try tx.dueJobs(by: context.now, kinds: crossKinds, limit: 1) + tx.dueJobs(by: context.now, limit: limit)
        }
        var batch: [Job] = []
        for job in due where job.id != running {
          guard let handler = JobKind(rawValue: job.kind).flatMap({ self.crossOrganizationHandlers[$0] }) else {
            batch.append(job)
            continue
          }
          guard running == nil else { continue }  // the next one waits for this one
          running = job.id
          self.metrics.due(job)
          beside.addTask {
            try await self.run(job, handler: handler, store: store, context: context)
            return 1
          }
        }
        if batch.isEmpty {
          // Nothing to run but the job beside: wait for it, then look again.
          guard running != nil, let count = try await beside.next() else { break }
          executed += count
          running = nil
          continue
        }
        for job in batch { self.metrics.due(job) }
        try await self.runInTransaction(batch, store: store, context: context)
        executed += batch.count
      }
      return executed
    }
  }

  /// Runs `jobs` in one transaction, each in its own savepoint with its removal from the
  /// queue. A job that throws is rolled back alone and retried later with its error kept.
  private func runInTransaction(_ jobs: [Job], store: OrganizationStore, context: JobContext) async throws {
    guard !jobs.isEmpty else { return }
    let handlers = self.handlers
    do {
      let (ran, failures) = try await store.write { tx in
        var ran: [Job] = []
        var failures: [(Job, String)] = []
        for job in jobs {
          do {
            try tx.savepoint {
              guard try tx.deleteJob(job.id) else { return }
              guard let handler = JobKind(rawValue: job.kind).flatMap({ handlers[$0] }) else {
                throw UnknownJobKind(kind: job.kind)
              }
              try handler.run(job, tx: tx, context: context)
              ran.append(job)
            }
          } catch {
            // A full disk or a damaged file is no fault of the job: the whole transaction fails.
            if StorageFailure.isStorageCondition(error) { throw error }
            let delay = error is UnknownJobKind ? 3600 : Self.retryDelay(afterAttempts: job.attempts + 1)
            try tx.rescheduleJob(job.id, dueAt: context.now.addingTimeInterval(delay), error: "\(error)")
            failures.append((job, "\(error)"))
          }
        }
        return (ran, failures)
      }
      for job in ran { self.metrics.ran(job, failed: false) }
      for (job, error) in failures {
        self.metrics.ran(job, failed: true)
        self.logFailure(of: job, in: context.organization, error: error)
      }
    } catch _ where Task.isCancelled {
      throw CancellationError()
    } catch let failure as StorageFailure {
      // The organization's storage failed, not a job: the organization waits as a whole.
      throw failure
    } catch _ where jobs.count > 1 {
      // The transaction failed as a whole: one job per transaction, so that one broken job
      // cannot hold back the others.
      for job in jobs { try await self.runInTransaction([job], store: store, context: context) }
    } catch {
      self.metrics.ran(jobs[0], failed: true)
      self.logFailure(of: jobs[0], in: context.organization, error: "\(error)")
      try await self.reschedule(jobs[0], store: store, context: context, error: error)
    }
  }

  private func run(
    _ job: Job, handler: any CrossOrganizationJobHandler, store: OrganizationStore, context: JobContext
  ) async throws {
    do {
      try await handler.run(job, store: store, context: context)
      self.metrics.ran(job, failed: false)
    } catch _ where Task.isCancelled {
      throw CancellationError()
    } catch let failure as StorageFailure where failure.database == .organization(context.organization) {
      // This organization's storage failed: it waits as a whole.
      throw failure
    } catch {
      // Another database failed (the parent's, say): this job waits, the organization goes on.
      // A storage failure was logged once already, by storage.
      self.metrics.ran(job, failed: true)
      if error is StorageFailure {
        self.logger.debug(
          "job failed on another database; it runs again later",
          metadata: ["org": "\(context.organization)", "kind": "\(job.kind)", "error": "\(error)"])
      } else {
        self.logFailure(of: job, in: context.organization, error: "\(error)")
      }
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

  /// The wait of a job whose work failed unexpectedly (``Backoff/jobRetry``).
  static func retryDelay(afterAttempts attempts: Int) -> TimeInterval {
    Backoff.jobRetry.seconds(afterFailures: attempts)
  }
}

/// A queued job of a kind this server has no handler for (a newer server's job, say).
struct UnknownJobKind: Error, CustomStringConvertible {
  let kind: String
  var description: String { "no handler for job kind \(self.kind)" }
}
