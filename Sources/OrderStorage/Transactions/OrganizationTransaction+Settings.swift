import Foundation
import OrderDomain

extension OrganizationTransaction {
  /// The organization's settings (defaults until changed).
  public func settings() throws -> OrganizationSettings {
    try sql.fetchOne(SettingsRecord.self, "SELECT * FROM settings WHERE id = 1")?.settings
      ?? OrganizationSettings()
  }

  /// Validates and saves the settings of an organization of `kind` (B1).
  ///
  /// - Throws: `invalidArgument` naming each setting that is not allowed.
  public func updateSettings(_ settings: OrganizationSettings, kind: OrganizationKind) throws {
    try settings.validate(kind: kind)
    try sql.upsert(
      SettingsRecord(scheduleHorizonDays: settings.scheduleHorizonDays, backordering: settings.backordering))
  }
}
