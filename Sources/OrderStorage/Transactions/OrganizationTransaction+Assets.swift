import Foundation
import OrderDomain

extension OrganizationTransaction {
  /// Creates an asset with the next id `AST-nnnnnn` (A1).
  ///
  /// - Throws: `notFound` when the account does not exist.
  public func createAsset(_ new: NewAsset) throws -> Asset {
    _ = try requireAccount(new.accountID)
    let asset = new.with(id: AssetID(number: try nextSequence("asset")))
    try sql.insert(AssetRecord(asset))
    return asset
  }

  /// Saves the changed fields of an existing asset (status, sync status, vendor data, A2).
  ///
  /// - Throws: `notFound` when there is no asset with this id.
  public func updateAsset(_ asset: Asset) throws {
    guard try sql.update(AssetRecord(asset)) else { throw DomainError.notFound("asset \(asset.id) not found") }
  }

  /// The asset, or `nil`.
  public func asset(_ id: AssetID) throws -> Asset? {
    try sql.fetchOne(AssetRecord.self, "SELECT * FROM assets WHERE id = ?", [id.rawValue])?.asset
  }

  /// The asset, or `notFound`.
  public func requireAsset(_ id: AssetID) throws -> Asset {
    guard let asset = try asset(id) else { throw DomainError.notFound("asset \(id) not found") }
    return asset
  }

  /// Assets of one account, or of all accounts when `accountID` is `nil`, by id.
  public func assets(accountID: AccountID? = nil) throws -> [Asset] {
    try sql.fetchAll(
      AssetRecord.self, "SELECT * FROM assets WHERE (accountID = ?1 OR ?1 IS NULL) ORDER BY id", [accountID?.rawValue]
    ).map(\.asset)
  }

  /// Active assets whose expiration date is at or before `date` (A3), earliest first.
  public func assets(expiringBy date: Date) throws -> [Asset] {
    try sql.fetchAll(
      AssetRecord.self,
      "SELECT * FROM assets WHERE status = 'active' AND expirationDate <= ? ORDER BY expirationDate, id", [date]
    ).map(\.asset)
  }

  /// Active assets whose provisioning failed or whose vendor data is missing (A2), by id.
  public func assetsNeedingResync() throws -> [Asset] {
    try sql.fetchAll(
      AssetRecord.self,
      """
      SELECT * FROM assets WHERE status = 'active'
        AND (syncStatus = 'failed' OR expirationDate IS NULL OR softwareID IS NULL) ORDER BY id
      """
    ).map(\.asset)
  }
}

extension OrganizationTransaction {
  /// The assets an order created.
  public func assets(orderID: OrderID) throws -> [Asset] {
    try sql.fetchAll(AssetRecord.self, "SELECT * FROM assets WHERE orderID = ? ORDER BY id", [orderID.rawValue])
      .map(\.asset)
  }
}
