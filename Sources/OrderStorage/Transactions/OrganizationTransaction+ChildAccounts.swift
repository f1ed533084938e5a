import Foundation
import OrderDomain

extension OrganizationTransaction {
  /// The account that stands for the child organization in this (its parent) organization
  /// (B2), or `nil` when it was not made here (or was made before schema v10).
  public func childAccount(of child: OrganizationID) throws -> Account? {
    try sql.fetchOne(AccountRecord.self, "SELECT * FROM accounts WHERE organizationID = ?", [child.rawValue])?.account
  }

  /// The child organization's own customer account in this organization (B2): made once, and
  /// found again when asked again for the same child (issue 10: a retry or a recovery repeats
  /// this step).
  public func ensureChildAccount(of child: OrganizationID, name: String, now: Date) throws -> Account {
    if let existing = try childAccount(of: child) { return existing }
    let account = try createAccount(NewAccount(name: name, kind: .customer), now: now)
    guard try sql.update(AccountRecord(account, organizationID: child)) else {
      throw DomainError.internalError("account \(account.id) vanished while it was made")
    }
    return account
  }
}
