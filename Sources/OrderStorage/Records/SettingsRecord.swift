import GRDB
import OrderDomain

/// The one row of `settings` (id 1): the organization's settings (B1, S1).
struct SettingsRecord: Codable, FetchableRecord, PersistableRecord, StoredRecord {
  static let databaseTableName = "settings"
  static let primaryKey = ["id"]

  var id = 1
  var scheduleHorizonDays: Int
  var backordering: Bool?

  var settings: OrganizationSettings {
    OrganizationSettings(scheduleHorizonDays: scheduleHorizonDays, backordering: backordering)
  }
}
