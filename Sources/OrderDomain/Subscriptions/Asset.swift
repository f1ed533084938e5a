import Foundation

/// Identifies an asset inside its organization, e.g. `AST-000001`.
public struct AssetID: Identifier {
  public let rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }
  public init(number: Int) { self.init(sequentialIdentifier(prefix: "AST", number)) }
}

/// The lifecycle status of an asset (A1).
public enum AssetStatus: String, Sendable, Codable, CaseIterable {
  case active, expired, cancelled
}

/// Whether the vendor provisioned the asset (A1).
public enum AssetSyncStatus: String, Sendable, Codable, CaseIterable {
  case synchronized, failed
}

/// A software subscription bought as an asset (A1).
public struct Asset: Hashable, Sendable {
  public var id: AssetID
  public var accountID: AccountID
  public var sku: String
  /// The plan name by default.
  public var name: String
  public var status: AssetStatus
  public var syncStatus: AssetSyncStatus
  public var purchaseDate: Date
  /// From the vendor; empty until it arrives (A2).
  public var expirationDate: Date?
  /// From the vendor; empty until it arrives (A2).
  public var softwareID: String?
  /// The order that created it.
  public var orderID: OrderID
  /// The vendor's reason when ``syncStatus`` is `failed` (A1).
  public var syncError: String?
  /// Provisioning attempts made so far (for automatic retries, A2).
  public var syncAttempts: Int

  public init(
    id: AssetID, accountID: AccountID, sku: String, name: String, status: AssetStatus,
    syncStatus: AssetSyncStatus, purchaseDate: Date, expirationDate: Date? = nil, softwareID: String? = nil,
    orderID: OrderID, syncError: String? = nil, syncAttempts: Int = 0
  ) {
    self.id = id
    self.accountID = accountID
    self.sku = sku
    self.name = name
    self.status = status
    self.syncStatus = syncStatus
    self.purchaseDate = purchaseDate
    self.expirationDate = expirationDate
    self.softwareID = softwareID
    self.orderID = orderID
    self.syncError = syncError
    self.syncAttempts = syncAttempts
  }
}

/// An asset to create; the store assigns the id.
public struct NewAsset: Hashable, Sendable {
  public var accountID: AccountID
  public var sku: String
  public var name: String
  public var status: AssetStatus
  public var syncStatus: AssetSyncStatus
  public var purchaseDate: Date
  public var expirationDate: Date?
  public var softwareID: String?
  public var orderID: OrderID
  public var syncError: String?
  public var syncAttempts: Int

  public init(
    accountID: AccountID, sku: String, name: String, status: AssetStatus = .active,
    syncStatus: AssetSyncStatus, purchaseDate: Date, expirationDate: Date? = nil, softwareID: String? = nil,
    orderID: OrderID, syncError: String? = nil, syncAttempts: Int = 0
  ) {
    self.accountID = accountID
    self.sku = sku
    self.name = name
    self.status = status
    self.syncStatus = syncStatus
    self.purchaseDate = purchaseDate
    self.expirationDate = expirationDate
    self.softwareID = softwareID
    self.orderID = orderID
    self.syncError = syncError
    self.syncAttempts = syncAttempts
  }

  public func with(id: AssetID) -> Asset {
    Asset(
      id: id, accountID: accountID, sku: sku, name: name, status: status, syncStatus: syncStatus,
      purchaseDate: purchaseDate, expirationDate: expirationDate, softwareID: softwareID, orderID: orderID,
      syncError: syncError, syncAttempts: syncAttempts)
  }
}
