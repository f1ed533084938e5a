import Metrics
import OrderStorage
import OrderWorkflows

/// The background work's metrics, by job kind: `orderd_jobs_due_total`,
/// `orderd_jobs_run_total`, `orderd_jobs_failed_total`, `orderd_jobs_retried_total`; and the
/// backorder relay's `orderd_backorders_relayed_total` and `orderd_backorders_stalled_total`.
/// Made once for every kind this server knows (and `other`), so that counting looks up an
/// immutable table.
struct WorkMetrics: Sendable {
  /// One job kind's counters.
  struct Jobs: Sendable {
    /// Jobs found due by the runner (a job counts again each time it comes due).
    let due: Counter
    /// Jobs that ran and succeeded (removed from the queue).
    let run: Counter
    /// Runs of a job that failed; the job is rescheduled with backoff.
    let failed: Counter
    /// Runs of a job that had failed before (its attempts > 0): retries.
    let retried: Counter
  }

  /// The kind label of a job kind this server has no name for.
  static let otherKind = "other"

  private let kinds: [String: Jobs]
  private let other: Jobs
  /// Backorders the relay delivered to the parent organization.
  let backordersRelayed: Counter
  /// Backorders a relay run left undelivered because the parent failed to take one; counted
  /// on each such run, until they are delivered.
  let backordersStalled: Counter

  init(factory: any MetricsFactory) {
    func make(_ kind: String) -> Jobs {
      let dimensions = [("kind", kind)]
      return Jobs(
        due: Counter(label: "orderd_jobs_due_total", dimensions: dimensions, factory: factory),
        run: Counter(label: "orderd_jobs_run_total", dimensions: dimensions, factory: factory),
        failed: Counter(label: "orderd_jobs_failed_total", dimensions: dimensions, factory: factory),
        retried: Counter(label: "orderd_jobs_retried_total", dimensions: dimensions, factory: factory))
    }
    self.kinds = Dictionary(uniqueKeysWithValues: JobKind.allCases.map { ($0.rawValue, make($0.rawValue)) })
    self.other = make(Self.otherKind)
    self.backordersRelayed = Counter(label: "orderd_backorders_relayed_total", factory: factory)
    self.backordersStalled = Counter(label: "orderd_backorders_stalled_total", factory: factory)
  }

  /// `job` came due and is about to run.
  func due(_ job: Job) { self.jobs(job.kind).due.increment() }

  /// One run of `job` ended: run or failed, and retried if it had failed before.
  func ran(_ job: Job, failed: Bool) {
    let counters = self.jobs(job.kind)
    if job.attempts > 0 { counters.retried.increment() }
    if failed { counters.failed.increment() } else { counters.run.increment() }
  }

  /// A relay run delivered `relayed` backorders and left `stalled` undelivered.
  func relay(relayed: Int, stalled: Int) {
    if relayed > 0 { self.backordersRelayed.increment(by: relayed) }
    if stalled > 0 { self.backordersStalled.increment(by: stalled) }
  }

  /// The counters of job kind `kind` (a `JobKind` raw value), or of ``otherKind``.
  func jobs(_ kind: String) -> Jobs {
    self.kinds[kind] ?? self.other
  }
}
