import Foundation
import GRDB
import OrderDomain

/// A row of `notifications`: one entry of the append-only log (N1, N2).
struct NotificationRecord: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "notifications"

  /// Assigned by SQLite on insert (AUTOINCREMENT: never reused, N2).
  var position: Int64?
  var type: NotificationType
  var time: Date
  var subjectKind: NotificationSubject.Kind
  var subjectID: String
  var accountID: AccountID?
  var text: String

  mutating func didInsert(_ inserted: InsertionSuccess) { position = inserted.rowID }

  func entry() throws -> NotificationEntry {
    guard let position else { throw DomainError.internalError("a stored notification has no position") }
    return NotificationEntry(
      position: position, type: type, time: time, subject: NotificationSubject(subjectKind, subjectID),
      accountID: accountID, text: text)
  }
}

extension NotificationRecord {
  init(_ new: NewNotification) {
    self.init(
      position: nil, type: new.type, time: new.time, subjectKind: new.subject.kind, subjectID: new.subject.id,
      accountID: new.accountID, text: new.text)
  }
}
