import Foundation
import OrderDomain
import OrderStorage
import OrderWorkflows

/// Delivers a tenant's outbox to its parent, in order (B3): receiving entries and applying
/// them is one parent transaction (each entry in its own savepoint); a repeat after a crash
/// is recognized and ignored; entries leave the outbox only once the parent has them.
struct RelayBackordersJob: CrossOrganizationJobHandler {
  let kind = JobKind.relayBackorders
  let registry: Registry
  let databases: OrganizationDatabases
  /// The parent's transaction may enqueue jobs there: it runs as a prepared write.
  let wakeups: WorkWakeups
  /// Rung once the parent's transaction committed: its watchers see the backorders.
  let bell: NotificationBell
  let metrics: WorkMetrics

  /// Entries delivered per parent transaction.
  static let batchSize = 256

  func run(_ job: Job, store: OrganizationStore, context: JobContext) async throws {
    let organization = context.organization
    let now = context.now
    guard let tenant = try await self.registry.organization(id: organization), let parentID = tenant.parentID,
      let account = tenant.parentAccountID, let parent = try await self.registry.organization(id: parentID)
    else {
      // Nowhere to deliver (the root, or an organization without its parent account).
      try await store.write { tx in _ = try tx.deleteJob(job.id) }
      return
    }
    let entries = try await store.read { tx in try tx.outbox(limit: Self.batchSize) }.filter { $0.sequence != nil }
    var failure: (any Error)?
    var deliveredUpTo: Int64?
    if !entries.isEmpty {
      (deliveredUpTo, failure) = try await self.wakeups.preparing(parentID) { note in
        try await self.databases.withStore(parentID) { parentStore in
          try await parentStore.write { tx in
            let received = try BackorderReceipt.receive(
              entries, tenant: organization, account: account, currency: parent.currency, tx: tx, now: now)
            try note.record(tx)
            return received
          }
        }
      }
      self.bell.ring(parentID)
    }
    let upTo = deliveredUpTo
    let failed = failure != nil
    let relayed = upTo.map { upTo in entries.filter { ($0.sequence ?? .max) <= upTo }.count } ?? 0
    self.metrics.relay(relayed: relayed, stalled: failed ? entries.count - relayed : 0)
    try await store.write { tx in
      if let upTo { _ = try tx.deleteOutbox(upTo: upTo) }
      guard !failed else { return }
      _ = try tx.deleteJob(job.id)
      if try tx.outboxCount() > 0 {
        try tx.enqueueJob(.relayBackorders, subject: "outbox", dueAt: now, now: now)
      }
    }
    // The runner retries the job (it is still queued) after a backoff.
    if let failure { throw failure }
  }
}
