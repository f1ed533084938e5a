import Foundation
import GRDB
import OrderDomain

/// A row of the registry's `wakeups`: when an organization's earliest job is due (registry v2).
struct WakeupRecord: Codable, FetchableRecord, PersistableRecord, StoredRecord {
  static let databaseTableName = "wakeups"
  static let primaryKey = ["organizationID"]

  var organizationID: OrganizationID
  var dueAt: Date
}
