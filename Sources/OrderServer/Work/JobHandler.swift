import Foundation
import OrderDomain
import OrderStorage

/// Runs one kind of background job of an organization (provisioning, asset sync, ...).
///
/// A handler does the job's work and deletes or reschedules the job in the same
/// transaction, so a crash at any point neither loses nor repeats the work.
protocol JobHandler: Sendable {
  /// The job kind this handler runs, as stored in the job queue.
  var kind: String { get }
  func run(_ job: Job, in organization: OrganizationID, store: OrganizationStore, now: Date) async throws
}
