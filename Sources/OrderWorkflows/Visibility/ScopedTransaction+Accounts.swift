import OrderDomain
import OrderStorage

extension ScopedTransaction {
  /// The accounts the caller sees: all of them for an admin, its own for a storefront user.
  public func accounts() throws -> [Account] {
    try self.tx.accounts().filter { self.isVisible($0.id) }
  }

  /// The account, if the caller may see it.
  public func account(_ id: AccountID) throws -> Account? {
    guard self.isVisible(id) else { return nil }
    return try self.tx.account(id)
  }

  /// The account, or `notFound` when it does not exist or the caller may not see it.
  public func requireAccount(_ id: AccountID) throws -> Account {
    guard let account = try self.account(id) else { throw DomainError.notFound("account \(id) not found") }
    return account
  }
}
