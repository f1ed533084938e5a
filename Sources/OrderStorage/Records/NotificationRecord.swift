import Foundation
import GRDB
import OrderDomain

/// A row of `notifications`: one entry of the append-only log (N1, N2).
struct NotificationRecord: FetchableRecord, AutoKeyedRecord {
  static let databaseTableName = "notifications"
  static let autoKeyColumn = "position"

  /// Assigned by SQLite on insert (AUTOINCREMENT: never reused, N2).
  var position: Int64?
  var type: NotificationType
  var time: Date
  var subjectKind: NotificationSubject.Kind
  var subjectID: String
  var accountID: AccountID?
  var text: String

  mutating func didInsert(_ inserted: InsertionSuccess) { position = inserted.rowID }

  var autoKey: Int64? {
    get { position }
    set { position = newValue }
  }

  func entry() throws -> NotificationEntry {
    guard let position else { throw DomainError.internalError("a stored notification has no position") }
    return NotificationEntry(
      position: position, type: type, time: time, subject: NotificationSubject(subjectKind, subjectID),
      accountID: accountID, text: text)
  }
}

extension NotificationRecord {
  /// Read and written column by column rather than through `Codable`: these rows are read
  /// and written on every order placed, where GRDB's `Codable` path cost half again as much
  /// CPU (issue 11, see docs/decisions.md).
  init(row: Row) throws {
    position = try row.decodeIfPresent("position")
    type = try row.decode("type")
    time = try row.decode("time")
    subjectKind = try row.decode("subjectKind")
    subjectID = try row.decode("subjectID")
    accountID = try row.decodeIfPresent("accountID")
    text = try row.decode("text")
  }

  func encode(to container: inout PersistenceContainer) {
    container["position"] = position
    container["type"] = type.rawValue
    container["time"] = time
    container["subjectKind"] = subjectKind.rawValue
    container["subjectID"] = subjectID
    container["accountID"] = accountID?.rawValue
    container["text"] = text
  }
}

extension NotificationRecord {
  init(_ new: NewNotification) {
    self.init(
      position: nil, type: new.type, time: new.time, subjectKind: new.subject.kind, subjectID: new.subject.id,
      accountID: new.accountID, text: new.text)
  }
}
