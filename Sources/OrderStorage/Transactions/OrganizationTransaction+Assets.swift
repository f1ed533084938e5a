import Foundation
import GRDB
import OrderDomain

extension OrganizationTransaction {
  /// Creates an asset with the next id `AST-nnnnnn` (A1).
  ///
  /// - Throws: `notFound` when the account does not exist.
  public func createAsset(_ new: NewAsset) throws -> Asset {
    _ = try requireAccount(new.accountID)
    let asset = new.with(id: AssetID(number: try nextSequence("asset")))
    try db.cachedStatement(
      sql: """
        INSERT INTO assets (id, accountID, sku, name, status, syncStatus, purchaseDate, expirationDate, softwareID, orderID,
          syncError, syncAttempts)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: Self.arguments(asset))
    return asset
  }

  /// Saves the changed fields of an existing asset (status, sync status, vendor data, A2).
  ///
  /// - Throws: `notFound` when there is no asset with this id.
  public func updateAsset(_ asset: Asset) throws {
    try db.cachedStatement(
      sql: """
        UPDATE assets SET accountID = ?2, sku = ?3, name = ?4, status = ?5, syncStatus = ?6, purchaseDate = ?7,
          expirationDate = ?8, softwareID = ?9, orderID = ?10, syncError = ?11, syncAttempts = ?12
        WHERE id = ?1
        """
    ).execute(arguments: Self.arguments(asset))
    guard db.changesCount == 1 else { throw DomainError.notFound("asset \(asset.id) not found") }
  }

  /// The asset, or `nil`.
  public func asset(_ id: AssetID) throws -> Asset? {
    try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM assets WHERE id = ?"), arguments: [id.rawValue]).map(
      Asset.init(row:))
  }

  /// The asset, or `notFound`.
  public func requireAsset(_ id: AssetID) throws -> Asset {
    guard let asset = try asset(id) else { throw DomainError.notFound("asset \(id) not found") }
    return asset
  }

  /// Assets of one account, or of all accounts when `accountID` is `nil`, by id.
  public func assets(accountID: AccountID? = nil) throws -> [Asset] {
    try Row.fetchAll(
      try db.cachedStatement(sql: "SELECT * FROM assets WHERE (?1 IS NULL OR accountID = ?1) ORDER BY id"),
      arguments: [accountID?.rawValue]
    ).map(Asset.init(row:))
  }

  /// Active assets whose expiration date is at or before `date` (A3), earliest first.
  public func assets(expiringBy date: Date) throws -> [Asset] {
    try Row.fetchAll(
      try db.cachedStatement(
        sql: "SELECT * FROM assets WHERE status = 'active' AND expirationDate <= ? ORDER BY expirationDate, id"),
      arguments: [date]
    ).map(Asset.init(row:))
  }

  /// Active assets whose provisioning failed or whose vendor data is missing (A2), by id.
  public func assetsNeedingResync() throws -> [Asset] {
    try Row.fetchAll(
      try db.cachedStatement(
        sql: """
          SELECT * FROM assets WHERE status = 'active'
            AND (syncStatus = 'failed' OR expirationDate IS NULL OR softwareID IS NULL) ORDER BY id
          """)
    ).map(Asset.init(row:))
  }

  private static func arguments(_ a: Asset) -> StatementArguments {
    [
      a.id.rawValue, a.accountID.rawValue, a.sku, a.name, a.status.rawValue, a.syncStatus.rawValue, a.purchaseDate,
      a.expirationDate, a.softwareID, a.orderID.rawValue, a.syncError, a.syncAttempts,
    ]
  }
}

extension Asset {
  init(row: Row) throws {
    self.init(
      id: AssetID(try row.decode("id") as String), accountID: AccountID(try row.decode("accountID") as String),
      sku: try row.decode("sku"), name: try row.decode("name"), status: try row.decode("status"),
      syncStatus: try row.decode("syncStatus"), purchaseDate: try row.decode("purchaseDate"),
      expirationDate: try row.decodeIfPresent("expirationDate", as: Date.self),
      softwareID: try row.decodeIfPresent("softwareID", as: String.self),
      orderID: OrderID(try row.decode("orderID") as String),
      syncError: try row.decodeIfPresent("syncError", as: String.self), syncAttempts: try row.decode("syncAttempts"))
  }
}

extension OrganizationTransaction {
  /// The assets an order created.
  public func assets(orderID: OrderID) throws -> [Asset] {
    try Row.fetchAll(
      try db.cachedStatement(sql: "SELECT * FROM assets WHERE orderID = ? ORDER BY id"), arguments: [orderID.rawValue]
    )
    .map(Asset.init(row:))
  }
}
