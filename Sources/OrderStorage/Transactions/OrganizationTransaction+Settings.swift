import Foundation
import GRDB
import OrderDomain

extension OrganizationTransaction {
  /// The organization's settings (defaults until changed).
  public func settings() throws -> OrganizationSettings {
    guard let row = try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM settings WHERE id = 1")) else {
      return OrganizationSettings()
    }
    return OrganizationSettings(
      scheduleHorizonDays: try row.decode("scheduleHorizonDays"),
      backordering: try row.decodeIfPresent("backordering", as: Bool.self))
  }

  /// Validates and saves the settings of an organization of `kind` (B1).
  ///
  /// - Throws: `invalidArgument` naming each setting that is not allowed.
  public func updateSettings(_ settings: OrganizationSettings, kind: OrganizationKind) throws {
    try settings.validate(kind: kind)
    try db.cachedStatement(
      sql: """
        INSERT INTO settings (id, scheduleHorizonDays, backordering) VALUES (1, ?1, ?2)
        ON CONFLICT(id) DO UPDATE SET scheduleHorizonDays = ?1, backordering = ?2
        """
    ).execute(arguments: [settings.scheduleHorizonDays, settings.backordering])
  }
}
