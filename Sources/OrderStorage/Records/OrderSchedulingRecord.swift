import GRDB
import OrderDomain

/// A row of `orderScheduling`: how a change order is timed (immutable) and whether the
/// vendor has it (H1, H8, H9).
struct OrderSchedulingRecord: Codable, FetchableRecord, PersistableRecord, StoredRecord {
  static let databaseTableName = "orderScheduling"
  static let primaryKey = ["orderID"]

  var orderID: OrderID
  var timing: ChangeTiming
  var vendorSyncStatus: VendorSyncStatus?

  var scheduling: ChangeScheduling { ChangeScheduling(timing: timing, vendorSyncStatus: vendorSyncStatus) }

  /// The scheduling of the orders `ids` that have one, by order: one query for all of them.
  static func scheduling(of ids: [OrderID], _ sql: SQL) throws -> [OrderID: ChangeScheduling] {
    guard !ids.isEmpty else { return [:] }
    let records = try sql.fetchAll(
      OrderSchedulingRecord.self, "SELECT * FROM orderScheduling WHERE orderID IN (SELECT value FROM json_each(?))",
      [try IDList.argument(ids)])
    return Dictionary(uniqueKeysWithValues: records.map { ($0.orderID, $0.scheduling) })
  }
}
