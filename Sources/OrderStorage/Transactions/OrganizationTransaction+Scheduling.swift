import Foundation
import GRDB
import OrderDomain

extension OrganizationTransaction {
  /// Stores how a change order is timed, once, with the order (H1).
  public func recordScheduling(order: OrderID, timing: ChangeTiming, vendorSyncStatus: VendorSyncStatus?) throws {
    try db.cachedStatement(sql: "INSERT INTO orderScheduling (orderID, timing, vendorSyncStatus) VALUES (?, ?, ?)")
      .execute(arguments: [order.rawValue, timing.rawValue, vendorSyncStatus?.rawValue])
  }

  /// How a change order is timed; `nil` for orders recorded without one (before schema v5,
  /// or not change orders).
  public func scheduling(of order: OrderID) throws -> ChangeScheduling? {
    try Row.fetchOne(
      try db.cachedStatement(sql: "SELECT * FROM orderScheduling WHERE orderID = ?"), arguments: [order.rawValue]
    )
    .map(ChangeScheduling.init(row:))
  }

  /// Updates the vendor sync status of a change order (H8, H9).
  ///
  /// - Throws: `notFound` when the order has no recorded timing.
  public func updateVendorSyncStatus(of order: OrderID, to status: VendorSyncStatus?) throws {
    try db.cachedStatement(sql: "UPDATE orderScheduling SET vendorSyncStatus = ? WHERE orderID = ?").execute(
      arguments: [status?.rawValue, order.rawValue])
    guard db.changesCount == 1 else { throw DomainError.notFound("order \(order) has no recorded timing") }
  }

  /// The timings of the subscription's open orders, for
  /// ``ScheduledChangePlacement/decide(timing:subscription:openOrders:timings:futureRequest:by:)``.
  public func openOrderTimings(subscriptionID: SubscriptionID) throws -> (
    orders: [Order], timings: [OrderID: ChangeTiming]
  ) {
    let orders = try openOrders(subscriptionID: subscriptionID)
    var timings: [OrderID: ChangeTiming] = [:]
    for order in orders { timings[order.id] = try scheduling(of: order.id)?.timing }
    return (orders, timings)
  }

  /// The subscription's pending scheduled changes (custom date in `scheduled`, On Renewal
  /// in `provisionFinished`), earliest execution first (H9). An On Renewal change executes
  /// at the end of the subscription's term.
  public func pendingScheduledChanges(subscriptionID: SubscriptionID) throws -> [ScheduledChange] {
    let subscription = try requireSubscription(subscriptionID)
    var changes: [ScheduledChange] = []
    for order in try openOrders(subscriptionID: subscriptionID) where order.type == .change {
      guard let scheduling = try scheduling(of: order.id), ScheduledChange.isPending(order, timing: scheduling.timing)
      else { continue }
      let date = scheduling.timing == .customDate ? order.scheduledFor ?? subscription.termEnd : subscription.termEnd
      changes.append(
        ScheduledChange(
          order: order, timing: scheduling.timing, vendorSyncStatus: scheduling.vendorSyncStatus,
          actions: try changeActions(of: order.id), executionDate: date))
    }
    return ScheduledChange.sorted(changes)
  }

  /// The subscription's pending On Renewal change, if any (the newest, F5).
  public func pendingOnRenewalChange(subscriptionID: SubscriptionID) throws -> ScheduledChange? {
    try pendingScheduledChanges(subscriptionID: subscriptionID).last { $0.timing == .onRenewal }
  }
}

extension ChangeScheduling {
  init(row: Row) throws {
    self.init(timing: try row.decode("timing"), vendorSyncStatus: try row.decodeIfPresent("vendorSyncStatus"))
  }
}
