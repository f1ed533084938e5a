import Foundation

extension NewNotification {
  /// `OrderCreated`, or `OrderScheduled` for an order that waits for its date (H10).
  public static func orderCreated(_ order: Order) -> NewNotification {
    let scheduled = order.status == .scheduled
    let when = order.scheduledFor.map { " for \(UTCCalendar.civilDate(of: $0))" } ?? ""
    return NewNotification(
      type: scheduled ? .orderScheduled : .orderCreated, time: order.createdAt, subject: .order(order.number),
      accountID: order.accountID,
      text: "order \(order.number) (\(order.total)) \(scheduled ? "scheduled\(when)" : "created") by \(order.createdBy)"
    )
  }

  /// The notification for a status change: `OrderCompleted`, `OrderFailed`,
  /// `ProvisioningFailed`, `OrderCancelled`, `OrderSuperseded`, else `OrderStatusChanged`.
  public static func statusChanged(_ order: Order, _ change: OrderStatusChange) -> NewNotification {
    let type: NotificationType =
      switch change.to {
      case .completed: .orderCompleted
      case .failed: .orderFailed
      case .provisioningFailed: .provisioningFailed
      case .cancelled: .orderCancelled
      case .superseded: .orderSuperseded
      default: .orderStatusChanged
      }
    let from = change.from.map { "from \($0) " } ?? ""
    return NewNotification(
      type: type, time: change.time, subject: .order(order.number), accountID: order.accountID,
      text: "order \(order.number) moved \(from)to \(change.to) by \(change.by): \(change.reason)")
  }
}
