import Foundation
import OrderDomain

extension OrganizationTransaction {
  /// The notifications about one subject, oldest first, at most `limit`: e.g. a
  /// subscription's "Notifications and Updates" feed (F3).
  ///
  /// - Parameter after: continue after this position (0: from the start).
  public func notifications(subject: NotificationSubject, after position: Int64 = 0, limit: Int = 100) throws
    -> [NotificationEntry]
  {
    try sql.fetchAll(
      NotificationRecord.self,
      """
      SELECT * FROM notifications WHERE subjectKind = ? AND subjectID = ? AND position > ?
      ORDER BY position LIMIT ?
      """, [subject.kind.rawValue, subject.id, position, max(0, limit)]
    ).map { try $0.entry() }
  }
}
