import OrderDomain
import OrderStorage

/// An organization's transaction as one caller sees it (T3, T6): the transaction and the
/// caller's ``Principal``. Every read returns only what the principal may see; another
/// account's object is absent, as if it did not exist. Handlers get nothing else, so no
/// handler checks visibility by hand.
///
/// The unscoped transaction stays inside this module: workflows write through it once they
/// found, through the scoped reads, what the caller asked for. A new read belongs in
/// `ScopedTransactionTests`, which tries every read against another account's rows.
public struct ScopedTransaction {
  /// The organization's transaction, unscoped. Workflows only.
  let tx: OrganizationTransaction
  /// Who is asking.
  public let principal: Principal

  public init(_ tx: OrganizationTransaction, principal: Principal) {
    self.tx = tx
    self.principal = principal
  }

  /// Whether the caller may see objects of `accountID`.
  func isVisible(_ accountID: AccountID?) -> Bool {
    guard let accountID else { return self.principal.isAdmin }
    return self.principal.canSee(accountID: accountID)
  }

  /// The account a listing is limited to: the one asked for (if visible; else `notFound`),
  /// a storefront caller's own, or nil for an admin's whole organization.
  public func scope(_ requested: AccountID?) throws -> AccountID? {
    try Self.scope(requested, principal: self.principal)
  }

  /// The account a listing of `principal` is limited to (see ``scope(_:)``), before any
  /// transaction (a watch of the notification log spans many).
  public static func scope(_ requested: AccountID?, principal: Principal) throws -> AccountID? {
    if let requested {
      try principal.requireVisible(accountID: requested)
      return requested
    }
    return principal.isAdmin ? nil : principal.accountID
  }

  /// `requested` unless the caller may not list it: a storefront caller lists its own
  /// account only, whatever it asked for.
  func listed(_ requested: AccountID?) -> AccountID?? {
    if self.principal.isAdmin { return .some(requested) }
    guard let own = self.principal.accountID, requested == nil || requested == own else { return .none }
    return .some(own)
  }
}
