import Foundation
import OrderDomain
import OrderStorage

/// The tenant side of backordering (B2, B3): an executed change and its outbox entries are
/// written in one transaction, with a relay job that delivers them to the parent.
enum Backordering {
  /// Records `changes` for the parent when this organization backorders (B1: its settings
  /// say so; a tenant's default is written into them when it is created).
  static func record(_ changes: [BackorderChange], tx: OrganizationTransaction, now: Date) throws {
    guard !changes.isEmpty, try tx.settings().backordering == true else { return }
    _ = try tx.appendOutbox(changes)
    if try tx.jobs(kind: JobKinds.relayBackorders, subject: "outbox").isEmpty {
      _ = try tx.enqueueJob(kind: JobKinds.relayBackorders, subject: "outbox", dueAt: now, now: now)
    }
  }
}

/// Applies backorders in the parent organization (B2-B4), inside the parent's transaction:
/// a sale becomes a sales order on the tenant's own account, a change an immediate change
/// of the linked subscription. One the parent cannot apply stalls for an admin; later ones
/// of the same subscription wait behind it.
struct BackorderApplication {
  let tx: OrganizationTransaction
  let currency: String
  let now: Date

  /// Applies `backorder`, then every waiting one it released.
  func apply(_ backorder: Backorder) throws -> Backorder {
    let result = try self.applyOne(backorder)
    while let next = try self.tx.nextReleasableBackorder(tenant: backorder.tenantOrganizationID) {
      _ = try self.applyOne(next)
    }
    return try self.tx.requireBackorder(result.id)
  }

  private func applyOne(_ backorder: Backorder) throws -> Backorder {
    switch try self.tx.planBackorder(backorder, currency: self.currency, now: self.now) {
    case .stall(let reason):
      return try self.tx.markBackorder(backorder.id, stalled: reason, now: self.now)
    case .nothing:
      return try self.tx.markBackorder(backorder.id, applied: nil, orderID: nil, now: self.now)
    case .sale(_, let plan):
      let order = try self.tx.createOrder(
        NewOrder(
          type: .sales, status: .executing, accountID: backorder.accountID, createdBy: .system, lines: plan.lines,
          total: plan.total, reason: "backorder \(backorder.id) of \(backorder.tenantOrderNumber)"),
        now: self.now)
      let created = try self.tx.fulfil(plan, order: order)
      var provisioning = OrderProvisioning(tx: self.tx, now: self.now)
      let settled = try provisioning.start(order)
      guard settled.status != .failed else {
        return try self.tx.markBackorder(backorder.id, stalled: "order \(settled.number) failed", now: self.now)
      }
      return try self.tx.markBackorder(
        backorder.id, applied: created.subscriptions.first?.id, orderID: order.id, now: self.now)
    case .change(let subscription, let actions, let plan):
      guard let new = plan.newOrder(status: .executing, createdBy: .system, reason: "backorder \(backorder.id)") else {
        try self.tx.saveChange(plan, order: nil, by: .system, now: self.now)
        return try self.tx.markBackorder(backorder.id, applied: subscription.id, orderID: nil, now: self.now)
      }
      let order = try self.tx.createOrder(new, now: self.now)
      try self.tx.recordChangeActions(actions, of: order.id)
      let outcome = try ChangeExecution(tx: self.tx, now: self.now, currency: self.currency).run(order, attempt: 1)
      guard case .completed = outcome else {
        return try self.tx.markBackorder(
          backorder.id, stalled: "order \(order.number) is \(outcome.order.status)", now: self.now)
      }
      return try self.tx.markBackorder(backorder.id, applied: subscription.id, orderID: order.id, now: self.now)
    }
  }
}

/// Delivers a tenant's outbox to its parent, in order (B3): receiving entries and applying
/// them is one parent transaction (each entry in its own savepoint); a repeat after a crash
/// is recognized and ignored; entries leave the outbox only once the parent has them.
struct RelayBackordersJob: CrossOrganizationJobHandler {
  let kind = JobKinds.relayBackorders
  let registry: Registry
  let databases: OrganizationDatabases
  /// The parent's transaction may enqueue jobs there: it runs as a prepared write.
  let wakeups: WorkWakeups
  /// Rung once the parent's transaction committed: its watchers see the backorders.
  let bell: NotificationBell

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
      (deliveredUpTo, failure) = try await self.wakeups.preparing(parentID) {
        try await self.databases.withStore(parentID) { parentStore in
          try await parentStore.write { tx in
            try Self.receive(
              entries, tenant: organization, account: account, currency: parent.currency, tx: tx, now: now)
          }
        }
      }
      self.bell.ring(parentID)
    }
    let upTo = deliveredUpTo
    let failed = failure != nil
    try await store.write { tx in
      if let upTo { _ = try tx.deleteOutbox(upTo: upTo) }
      guard !failed else { return }
      _ = try tx.deleteJob(job.id)
      if try tx.outboxCount() > 0 {
        _ = try tx.enqueueJob(kind: JobKinds.relayBackorders, subject: "outbox", dueAt: now, now: now)
      }
    }
    // The runner retries the job (it is still queued) after a backoff.
    if let failure { throw failure }
  }

  /// Receives and applies `entries` in order, each in its own savepoint, stopping at the
  /// first that fails unexpectedly (a stall is not a failure). Returns the last delivered
  /// sequence and that failure. A failure of the parent's storage (a full disk) fails the
  /// whole transaction instead: it is no fault of the entry.
  private static func receive(
    _ entries: [BackorderChange], tenant: OrganizationID, account: AccountID, currency: String,
    tx: OrganizationTransaction, now: Date
  ) throws -> (Int64?, (any Error)?) {
    var delivered: Int64?
    for entry in entries {
      do {
        try tx.savepoint {
          let (backorder, isNew) = try tx.receiveBackorder(tenant: tenant, account: account, change: entry, now: now)
          if isNew, backorder.status == .received {
            _ = try BackorderApplication(tx: tx, currency: currency, now: now).apply(backorder)
          }
        }
        delivered = entry.sequence
      } catch {
        if StorageFailure.isStorageCondition(error) { throw error }
        return (delivered, error)
      }
    }
    return (delivered, nil)
  }
}
