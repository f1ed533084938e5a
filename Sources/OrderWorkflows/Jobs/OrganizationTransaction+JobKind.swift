import Foundation
import OrderStorage

/// The job queue in terms of ``JobKind``s.
extension OrganizationTransaction {
  /// Enqueues a job of `kind` about `subject`, due at `dueAt`.
  @discardableResult
  public func enqueueJob(_ kind: JobKind, subject: String, dueAt: Date, now: Date) throws -> JobID {
    try self.enqueueJob(kind: kind.rawValue, subject: subject, dueAt: dueAt, now: now)
  }

  /// The queued jobs of `kind` about `subject`.
  public func jobs(_ kind: JobKind, subject: String) throws -> [Job] {
    try self.jobs(kind: kind.rawValue, subject: subject)
  }
}
