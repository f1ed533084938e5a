import Foundation

extension NotificationSubject {
  public static func backorder(_ id: BackorderID) -> Self { Self(.backorder, id.rawValue) }
}

extension NewNotification {
  /// `BackorderReceived`: a tenant's change arrived (B6); for the parent's admins.
  public static func backorderReceived(_ backorder: Backorder) -> NewNotification {
    NewNotification(
      type: .backorderReceived, time: backorder.receivedAt, subject: .backorder(backorder.id), accountID: nil,
      text:
        "backorder \(backorder.id) received from tenant \(backorder.tenantOrganizationID) for account \(backorder.accountID): \(backorder.change.summary) (tenant order \(backorder.tenantOrderNumber), subscription \(backorder.tenantSubscriptionID))"
    )
  }

  /// `BackorderFailed`: the backorder stalled and needs an admin (B3, B6).
  public static func backorderFailed(_ backorder: Backorder, reason: String, at time: Date) -> NewNotification {
    NewNotification(
      type: .backorderFailed, time: time, subject: .backorder(backorder.id), accountID: nil,
      text:
        "backorder \(backorder.id) (\(backorder.change.summary)) stalled: \(reason). Fix the cause, then retry the backorder; later changes of tenant subscription \(backorder.tenantSubscriptionID) wait behind it"
    )
  }
}
