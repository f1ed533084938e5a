import Foundation
import OrderDomain

extension OrganizationTransaction {
  /// Appends a notification to the organization's log in this transaction (N1): it is
  /// durable exactly when the event it reports is. Positions increase and are never
  /// reused, even after a rollback or a restart (N2).
  @discardableResult
  public func appendNotification(_ new: NewNotification) throws -> NotificationEntry {
    var record = NotificationRecord(new)
    try sql.insert(&record)
    guard let position = record.position else { throw DomainError.internalError("the notification was not appended") }
    sql.onCommit(.log)
    return new.at(position)
  }

  /// Notifications after `position` (0: from the start), oldest first, at most `limit`.
  ///
  /// - Parameter accountID: only this account's notifications (a storefront caller, N1);
  ///   `nil` for all of them (an admin).
  public func notifications(after position: Int64, accountID: AccountID? = nil, limit: Int = 100) throws
    -> [NotificationEntry]
  {
    try sql.fetchAll(
      NotificationRecord.self,
      """
      SELECT * FROM notifications WHERE position > ?1 AND (accountID = ?2 OR ?2 IS NULL)
      ORDER BY position LIMIT ?3
      """, [position, accountID?.rawValue, max(0, limit)]
    ).map { try $0.entry() }
  }

  /// The position of the newest notification, 0 when there is none.
  public func lastNotificationPosition() throws -> Int64 {
    try sql.fetchOne(Int64.self, "SELECT MAX(position) FROM notifications") ?? 0
  }
}
