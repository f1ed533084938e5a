import OrderDomain
import OrderStorage

extension ScopedTransaction {
  /// The notification log after `position` (N1): all of it for an admin (or one account's,
  /// `accountID`), a storefront caller's own account's entries only.
  public func notifications(after position: Int64, accountID: AccountID?, limit: Int) throws -> [NotificationEntry] {
    guard let accountID = self.listed(accountID) else { return [] }
    return try self.tx.notifications(after: position, accountID: accountID, limit: limit)
  }
}
