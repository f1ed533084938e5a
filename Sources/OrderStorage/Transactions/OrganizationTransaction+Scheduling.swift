import Foundation
import OrderDomain

extension OrganizationTransaction {
  /// Stores how a change order is timed, once, with the order (H1).
  public func recordScheduling(order: OrderID, timing: ChangeTiming, vendorSyncStatus: VendorSyncStatus?) throws {
    try sql.insert(OrderSchedulingRecord(orderID: order, timing: timing, vendorSyncStatus: vendorSyncStatus))
  }

  /// How a change order is timed; `nil` for orders recorded without one (before schema v5,
  /// or not change orders).
  public func scheduling(of order: OrderID) throws -> ChangeScheduling? {
    try sql.fetchOne(OrderSchedulingRecord.self, "SELECT * FROM orderScheduling WHERE orderID = ?", [order.rawValue])?
      .scheduling
  }

  /// Updates the vendor sync status of a change order (H8, H9).
  ///
  /// - Throws: `notFound` when the order has no recorded timing.
  public func updateVendorSyncStatus(of order: OrderID, to status: VendorSyncStatus?) throws {
    let changed = try sql.execute(
      "UPDATE orderScheduling SET vendorSyncStatus = ? WHERE orderID = ?", [status?.rawValue, order.rawValue])
    guard changed == 1 else { throw DomainError.notFound("order \(order) has no recorded timing") }
  }

  /// The timings of the subscription's open orders, for
  /// ``ScheduledChangePlacement/decide(timing:subscription:openOrders:timings:futureRequest:by:)``.
  public func openOrderTimings(subscriptionID: SubscriptionID) throws -> (
    orders: [Order], timings: [OrderID: ChangeTiming]
  ) {
    let orders = try openOrders(subscriptionID: subscriptionID)
    let scheduling = try OrderSchedulingRecord.scheduling(of: orders.map(\.id), sql)
    return (orders, scheduling.mapValues(\.timing))
  }

  /// The subscription's pending scheduled changes (custom date in `scheduled`, On Renewal
  /// in `provisionFinished`), earliest execution first (H9). An On Renewal change executes
  /// at the end of the subscription's term.
  public func pendingScheduledChanges(subscriptionID: SubscriptionID) throws -> [ScheduledChange] {
    let subscription = try requireSubscription(subscriptionID)
    let orders = try openOrders(subscriptionID: subscriptionID).filter { $0.type == .change }
    let schedulings = try OrderSchedulingRecord.scheduling(of: orders.map(\.id), sql)
    let pending = orders.compactMap { order in
      schedulings[order.id].flatMap { ScheduledChange.isPending(order, timing: $0.timing) ? (order, $0) : nil }
    }
    let actions = try OrderChangeActionsRecord.actions(of: pending.map(\.0.id), sql)
    let changes = pending.map { order, scheduling in
      let date = scheduling.timing == .customDate ? order.scheduledFor ?? subscription.termEnd : subscription.termEnd
      return ScheduledChange(
        order: order, timing: scheduling.timing, vendorSyncStatus: scheduling.vendorSyncStatus,
        actions: actions[order.id] ?? [], executionDate: date)
    }
    return ScheduledChange.sorted(changes)
  }

  /// The subscription's pending On Renewal change, if any (the newest, F5).
  public func pendingOnRenewalChange(subscriptionID: SubscriptionID) throws -> ScheduledChange? {
    try pendingScheduledChanges(subscriptionID: subscriptionID).last { $0.timing == .onRenewal }
  }
}
