import Foundation
import GRDB
import OrderDomain

/// A row of `assets` (A1, A2).
struct AssetRecord: FetchableRecord, PersistableRecord, StoredRecord {
  static let databaseTableName = "assets"
  static let primaryKey = ["id"]

  var id: AssetID
  var accountID: AccountID
  var sku: String
  var name: String
  var status: AssetStatus
  var syncStatus: AssetSyncStatus
  var purchaseDate: Date
  var expirationDate: Date?
  var softwareID: String?
  var orderID: OrderID
  var syncError: String?
  var syncAttempts: Int

  var asset: Asset {
    Asset(
      id: id, accountID: accountID, sku: sku, name: name, status: status, syncStatus: syncStatus,
      purchaseDate: purchaseDate, expirationDate: expirationDate, softwareID: softwareID, orderID: orderID,
      syncError: syncError, syncAttempts: syncAttempts)
  }
}

extension AssetRecord {
  /// Read and written column by column rather than through `Codable`: these rows are read
  /// and written on every order placed, where GRDB's `Codable` path cost half again as much
  /// CPU (issue 11, see docs/decisions.md).
  init(row: Row) throws {
    id = try row.decode("id")
    accountID = try row.decode("accountID")
    sku = try row.decode("sku")
    name = try row.decode("name")
    status = try row.decode("status")
    syncStatus = try row.decode("syncStatus")
    purchaseDate = try row.decode("purchaseDate")
    expirationDate = try row.decodeIfPresent("expirationDate")
    softwareID = try row.decodeIfPresent("softwareID")
    orderID = try row.decode("orderID")
    syncError = try row.decodeIfPresent("syncError")
    syncAttempts = try row.decode("syncAttempts")
  }

  func encode(to container: inout PersistenceContainer) {
    container["id"] = id.rawValue
    container["accountID"] = accountID.rawValue
    container["sku"] = sku
    container["name"] = name
    container["status"] = status.rawValue
    container["syncStatus"] = syncStatus.rawValue
    container["purchaseDate"] = purchaseDate
    container["expirationDate"] = expirationDate
    container["softwareID"] = softwareID
    container["orderID"] = orderID.rawValue
    container["syncError"] = syncError
    container["syncAttempts"] = syncAttempts
  }
}

extension AssetRecord {
  init(_ a: Asset) {
    self.init(
      id: a.id, accountID: a.accountID, sku: a.sku, name: a.name, status: a.status, syncStatus: a.syncStatus,
      purchaseDate: a.purchaseDate, expirationDate: a.expirationDate, softwareID: a.softwareID, orderID: a.orderID,
      syncError: a.syncError, syncAttempts: a.syncAttempts)
  }
}
