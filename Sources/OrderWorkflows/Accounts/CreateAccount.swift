import Foundation
import OrderDomain
import OrderStorage

/// A new customer or standard reseller of the organization (T5).
public struct CreateAccount: Sendable {
  public var account: NewAccount
  public var now: Date

  public init(_ account: NewAccount, now: Date) {
    self.account = account
    self.now = now
  }

  public func run(_ scoped: ScopedTransaction) throws -> Account {
    try scoped.principal.requireAdmin("create accounts")
    return try scoped.tx.createAccount(self.account, now: self.now)
  }
}
