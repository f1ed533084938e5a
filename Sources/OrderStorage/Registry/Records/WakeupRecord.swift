import Foundation
import GRDB
import OrderDomain

/// A row of the registry's `wakeups`: when an organization's earliest job is due (registry v2).
struct WakeupRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "wakeups"

  var organizationID: OrganizationID
  var dueAt: Date
}
