import Foundation
import GRDB
import OrderDomain

/// A row of `assets` (A1, A2).
struct AssetRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "assets"

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
  init(_ a: Asset) {
    self.init(
      id: a.id, accountID: a.accountID, sku: a.sku, name: a.name, status: a.status, syncStatus: a.syncStatus,
      purchaseDate: a.purchaseDate, expirationDate: a.expirationDate, softwareID: a.softwareID, orderID: a.orderID,
      syncError: a.syncError, syncAttempts: a.syncAttempts)
  }
}
