import GRDB
import OrderDomain

/// The one row of `settings` (id 1): the organization's settings (B1, S1).
struct SettingsRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "settings"

  var id = 1
  var scheduleHorizonDays: Int
  var backordering: Bool?

  var settings: OrganizationSettings {
    OrganizationSettings(scheduleHorizonDays: scheduleHorizonDays, backordering: backordering)
  }
}
