import OrderDomain
import OrderStorage

extension ScopedTransaction {
  /// The backorders received from tenants (B6), optionally only those with `status`. Each
  /// belongs to a tenant's account in this organization: a storefront caller sees its own.
  public func backorders(status: BackorderStatus?) throws -> [Backorder] {
    try self.tx.backorders(status: status).filter { self.isVisible($0.accountID) }
  }

  /// The backorder, or `notFound`.
  public func requireBackorder(_ id: BackorderID) throws -> Backorder {
    guard let backorder = try self.tx.backorder(id), self.isVisible(backorder.accountID) else {
      throw DomainError.notFound("backorder \(id) not found")
    }
    return backorder
  }
}
