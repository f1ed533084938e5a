import OrderDomain
import OrderStorage

extension ScopedTransaction {
  /// The assets of `accountID`, or all the caller sees (A3).
  public func assets(accountID: AccountID?) throws -> [Asset] {
    guard let accountID = self.listed(accountID) else { return [] }
    return try self.tx.assets(accountID: accountID)
  }

  /// The asset, if the caller may see it.
  public func asset(_ id: AssetID) throws -> Asset? {
    guard let asset = try self.tx.asset(id), self.isVisible(asset.accountID) else { return nil }
    return asset
  }

  /// The asset, or `notFound`.
  public func requireAsset(_ id: AssetID) throws -> Asset {
    guard let asset = try self.asset(id) else { throw DomainError.notFound("asset \(id) not found") }
    return asset
  }
}
