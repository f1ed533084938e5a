import Foundation
import OrderDomain
import OrderStorage

/// Takes an executing sales order through provisioning at its vendors, inside one
/// transaction: assets are provisioned at once (A1); subscriptions at once, or after the
/// vendors' provisioning delay by a `provision` job. The order ends `completed` with its
/// invoice, or stalls in `provisioningFailed` with the vendors' reasons for an admin (O2).
struct OrderProvisioning {
  let tx: OrganizationTransaction
  let now: Date
  /// Jobs this provisioning asked for; the caller must have prepared the scheduler.
  private(set) var enqueued = false
  /// The lines to invoice when they differ from the order's (a scheduled order is invoiced
  /// at the prices of its execution date).
  var pricedLines: [OrderLine]?

  init(tx: OrganizationTransaction, now: Date) {
    self.tx = tx
    self.now = now
  }

  private var vendor: VendorCalls { VendorCalls(tx: self.tx, now: self.now) }

  /// Starts provisioning an order that just executed.
  mutating func start(_ order: Order) throws -> Order {
    let subscriptions = try self.subscriptions(of: order)
    let assets = try self.assets(of: order)
    if subscriptions.isEmpty, assets.isEmpty {
      return try self.complete(order, reason: "delivered")
    }
    let provisioning = try self.tx.moveOrder(
      order.id, to: .provisioning, reason: "sent to the vendors", by: .system, now: self.now)
    for asset in assets { try self.sync(asset, initial: true) }
    // Every new subscription waits for its vendor's answer, and is renewed or billed at the
    // end of its period by the billing service (F5).
    for var subscription in subscriptions {
      try self.tx.enqueueJob(
        .renew, subject: subscription.id.rawValue, dueAt: subscription.currentPeriodEnd, now: self.now)
      self.enqueued = true
      guard subscription.provisioningStatus != .pending else { continue }
      subscription.provisioningStatus = .pending
      try self.tx.updateSubscription(subscription)
    }
    let delay = try subscriptions.map { try self.vendor.delay(of: $0.sku) }.max() ?? 0
    if delay > 0 {
      try self.tx.enqueueJob(
        .provision, subject: order.id.rawValue, dueAt: self.now.addingTimeInterval(Double(delay)),
        now: self.now)
      self.enqueued = true
      return provisioning
    }
    return try self.settle(provisioning, attempt: 1)
  }

  /// Provisions the order's subscriptions that are not provisioned yet and settles the
  /// order: `completed` when every item is provisioned, else `provisioningFailed`.
  mutating func settle(_ order: Order, attempt: Int) throws -> Order {
    var problems: [String] = []
    for var subscription in try self.subscriptions(of: order) where subscription.provisioningStatus != .synced {
      switch try self.vendor.provision(subscription, attempt: attempt) {
      case .provisioned:
        subscription.provisioningStatus = .synced
      case .failed(let reason), .denied(let reason):
        subscription.provisioningStatus = .failed
        problems.append(reason)
      }
      try self.tx.updateSubscription(subscription)
    }
    for asset in try self.assets(of: order) where asset.syncStatus == .failed {
      problems.append(asset.syncError ?? "asset \(asset.id) is not provisioned")
    }
    guard problems.isEmpty else {
      var seen = Set<String>()
      let reasons = problems.filter { seen.insert($0).inserted }
      return try self.tx.moveOrder(
        order.id, to: .provisioningFailed, reason: reasons.joined(separator: "; "), by: .system, now: self.now)
    }
    return try self.complete(order, reason: "provisioned")
  }

  /// Provisions (or refreshes the late data of) one asset and records the answer; a failure
  /// or missing vendor data is retried automatically on the retry schedule (A2).
  mutating func sync(_ asset: Asset, initial: Bool = false) throws {
    let updated = asset.applying(try self.vendor.provision(asset, initial: initial))
    try self.tx.notifying.recordAssetSync(updated, now: self.now)
    if asset.expirationDate == nil, let expiration = updated.expirationDate {
      try self.tx.enqueueJob(
        .expireAssets, subject: asset.id.rawValue, dueAt: expiration, now: self.now)
      self.enqueued = true
    }
    if updated.needsResync,
      let next = RetrySchedule.standard.nextAttempt(after: updated.syncAttempts, failedAt: self.now)
    {
      if try self.tx.jobs(.assetSync, subject: asset.id.rawValue).isEmpty {
        try self.tx.enqueueJob(.assetSync, subject: asset.id.rawValue, dueAt: next, now: self.now)
        self.enqueued = true
      }
    }
  }

  private func complete(_ order: Order, reason: String) throws -> Order {
    let completed = try self.tx.moveOrder(order.id, to: .completed, reason: reason, by: .system, now: self.now)
    var invoiced = completed
    if let lines = self.pricedLines {
      invoiced.lines = lines
      invoiced.total = try Money.sum(lines.map(\.amount), currency: completed.total.currency)
    }
    try Invoicing(tx: self.tx, now: self.now).invoice(invoiced)
    if completed.type == .sales {
      try Backordering.record(
        BackorderChange.sales(try self.subscriptions(of: completed), orderNumber: completed.number, at: self.now),
        tx: self.tx, now: self.now)
    }
    return completed
  }

  func subscriptions(of order: Order) throws -> [Subscription] {
    try self.tx.subscriptions(orderID: order.id)
  }

  func assets(of order: Order) throws -> [Asset] {
    try self.tx.assets(orderID: order.id)
  }
}

extension OrderProvisioning {
  /// After an asset synchronized: an order stalled only by its items completes (by `agent`).
  mutating func resumeIfSettled(orderOf asset: Asset, by agent: Agent) throws {
    guard let order = try self.tx.order(asset.orderID), order.status == .provisioningFailed else { return }
    let stillFailing = try self.assets(of: order).contains { $0.syncStatus == .failed }
    guard !stillFailing else { return }
    let retried = try self.tx.performAction(
      .retry, on: order.id, reason: "asset \(asset.id) synchronized", by: agent, now: self.now)
    _ = try self.settle(retried, attempt: try ProvisionJob.attempt(of: retried, self.tx))
  }
}
