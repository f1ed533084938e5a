import Foundation
import OrderDomain
import OrderStorage

/// What a job runs with: its organization, the organization's currency and the time the
/// runner executes it at.
public struct JobContext: Sendable {
  public let organization: OrganizationID
  public let currency: String
  public let now: Date

  public init(organization: OrganizationID, currency: String, now: Date) {
    self.organization = organization
    self.currency = currency
    self.now = now
  }
}

/// Runs one kind of background job inside its organization's write transaction.
///
/// The runner deletes the job and runs the handler in one savepoint of a transaction that
/// may hold other due jobs of the same organization (one commit for a batch), so a job's
/// work and its removal commit together: a crash neither loses nor repeats it. A handler
/// that throws rolls back its savepoint only; the runner retries it later.
public protocol JobHandler: Sendable {
  /// The job kind this handler runs, as stored in the job queue.
  var kind: JobKind { get }
  func run(_ job: Job, tx: OrganizationTransaction, context: JobContext) throws
}

/// Runs one kind of background job whose work spans databases (the backorder relay), with
/// transactions of its own. It must delete or reschedule its job itself, idempotently.
public protocol CrossOrganizationJobHandler: Sendable {
  var kind: JobKind { get }
  func run(_ job: Job, store: OrganizationStore, context: JobContext) async throws
}
