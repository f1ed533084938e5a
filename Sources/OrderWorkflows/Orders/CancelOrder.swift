import Foundation
import OrderDomain
import OrderStorage

/// Cancels an order (O2, S5, H5): a storefront user withdraws its own scheduled order; an
/// admin also resolves stalls. A cancelled sales order takes back what it created and
/// never provisioned.
public struct CancelOrder: Sendable {
  /// The order's id or number.
  public var key: String
  public var reason: String
  public var now: Date

  public init(key: String, reason: String, now: Date) {
    self.key = key
    self.reason = reason
    self.now = now
  }

  public func run(_ scoped: ScopedTransaction) throws -> OrderWithHistory {
    let reason = self.reason.trimmingCharacters(in: .whitespaces)
    guard !reason.isEmpty else {
      throw DomainError.invalidArgument("say why the order is cancelled: the reason is empty")
    }
    let tx = scoped.tx
    let principal = scoped.principal
    let order = try scoped.requireOrder(self.key)
    // Storefront users may withdraw their own orders that have not started; stalls are
    // resolved by admins.
    if !principal.isAdmin, order.status != .scheduled {
      throw DomainError.permissionDenied(
        "order \(order.number) is \(order.status): only an admin can cancel it; storefront users cancel scheduled orders"
      )
    }
    if order.status == .provisionFinished, try tx.scheduling(of: order.id)?.timing == .onRenewal {
      throw DomainError.failedPrecondition(
        "order \(order.number) is an On Renewal change: replace it with a new On Renewal change")
    }
    let cancelled = try tx.performAction(.cancel, on: order.id, reason: reason, by: principal.agent, now: self.now)
    if cancelled.type == .sales { try Self.withdraw(cancelled, tx) }
    return try OrderWithHistory(cancelled, tx: tx)
  }

  /// A cancelled sales order takes back what it created and never provisioned.
  static func withdraw(_ order: Order, _ tx: OrganizationTransaction) throws {
    for var subscription in try tx.subscriptions(orderID: order.id) {
      subscription.status = .cancelled
      try tx.updateSubscription(subscription)
    }
    for var asset in try tx.assets(orderID: order.id) {
      asset.status = .cancelled
      try tx.updateAsset(asset)
    }
  }
}
