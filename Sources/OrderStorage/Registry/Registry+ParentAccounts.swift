import Foundation
import OrderDomain
import Synchronization

extension Registry {
  /// Records `account` as the child organization's own account in its parent (B2): the
  /// account its backorders are placed on. Setting it again replaces it. (A new organization
  /// gets it when its creation finishes, ``finishOrganizationCreation(_:parentAccountID:)``.)
  ///
  /// The caller checks that the account exists in the parent's database (T2).
  /// - Throws: `notFound` for an unknown organization; `failedPrecondition` for the root,
  ///   which has no parent.
  @discardableResult
  public func setParentAccount(child: OrganizationID, account: AccountID) async throws -> Organization {
    defer { organizations.withLock { $0.invalidate(child) } }
    return try await self.write { sql in
      guard var organization = try Self.fetchOrganization(child, sql) else {
        throw DomainError.notFound("organization \(child) not found")
      }
      guard organization.parentID != nil else {
        throw DomainError.failedPrecondition(
          "organization \(child) is the root and has no parent to hold an account for it")
      }
      try sql.execute("UPDATE organizations SET parentAccountID = ? WHERE id = ?", [account.rawValue, child.rawValue])
      // Other nodes forget their cached copy (issue 14).
      sql.onCommit(.organizationChanged(child.rawValue))
      organization.parentAccountID = account
      return organization
    }
  }
}
