import Foundation
import OrderDomain
import OrderStorage

/// The storage writes whose events are notifications (N1), as the workflows make them:
/// each writes through storage, which notifies nothing, then appends its notification to
/// the log in the same transaction, so it is durable exactly when the write is. Status
/// changes are notified the same way (`moveOrder`, `performAction`).
///
/// Workflows call these, never the bare storage methods they wrap: `tx.notifying.createOrder`.
struct NotifyingTransaction {
  let tx: OrganizationTransaction

  /// Creates an order and appends `OrderCreated`, or `OrderScheduled` when it starts
  /// `scheduled` (H10).
  func createOrder(_ new: NewOrder, now: Date) throws -> Order {
    let order = try self.tx.createOrder(new, now: now)
    try self.tx.appendNotification(.orderCreated(order))
    return order
  }

  /// Creates the invoice of `order` and appends `InvoiceIssued`.
  func createInvoice(_ new: NewInvoice, of order: Order) throws -> Invoice {
    let invoice = try self.tx.createInvoice(new)
    try self.tx.appendNotification(.invoiceIssued(invoice, order: order.number))
    return invoice
  }

  /// Saves an executed change and appends `SubscriptionChanged`, naming the order if any (C1).
  func saveChange(_ plan: ChangePlan, order: Order?, by agent: Agent, now: Date) throws {
    try self.tx.saveChange(plan)
    try self.tx.appendNotification(.subscriptionChanged(plan, order: order?.number, by: agent, at: now))
  }

  /// Saves an asset after a vendor answer (A1, A2) and appends `AssetSynchronized` or
  /// `AssetSyncFailed`.
  func recordAssetSync(_ asset: Asset, now: Date) throws {
    try self.tx.updateAsset(asset)
    try self.tx.appendNotification(.assetSync(asset, at: now))
  }

  /// Expires the assets whose expiration date has come (A3) and appends `AssetExpired` for
  /// each, in the order they expired.
  @discardableResult
  func expireAssets(by now: Date) throws -> [Asset] {
    let expired = try self.tx.expireAssets(by: now)
    for asset in expired { try self.tx.appendNotification(.assetExpired(asset, at: now)) }
    return expired
  }

  /// Receives a tenant's change (B2, B3) and appends `BackorderReceived` when it is new
  /// (B6); a repeat changes nothing and notifies nothing.
  func receiveBackorder(tenant: OrganizationID, account: AccountID, change: BackorderChange, now: Date)
    throws -> (backorder: Backorder, isNew: Bool)
  {
    let received = try self.tx.receiveBackorder(tenant: tenant, account: account, change: change, now: now)
    if received.isNew { try self.tx.appendNotification(.backorderReceived(received.backorder)) }
    return received
  }

  /// Marks a backorder stalled for an admin (B3) and appends `BackorderFailed` (B6).
  @discardableResult
  func markBackorder(_ id: BackorderID, stalled reason: String, now: Date) throws -> Backorder {
    let backorder = try self.tx.markBackorder(id, stalled: reason)
    try self.tx.appendNotification(.backorderFailed(backorder, reason: reason, at: now))
    return backorder
  }
}

extension OrganizationTransaction {
  /// This transaction's writes that append their notifications (N1).
  var notifying: NotifyingTransaction { NotifyingTransaction(tx: self) }
}
