import Foundation
import GRDB
import OrderDomain

/// A row of `accounts` (T5); `organizationID` names the child organization an account
/// stands for in its parent (B2, schema v10).
struct AccountRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "accounts"

  var id: AccountID
  var name: String
  var kind: AccountKind
  var resellerID: AccountID?
  var createdAt: Date
  var organizationID: OrganizationID?

  var account: Account {
    Account(id: id, name: name, kind: kind, resellerID: resellerID, createdAt: createdAt)
  }
}

extension AccountRecord {
  init(_ account: Account, organizationID: OrganizationID? = nil) {
    self.init(
      id: account.id, name: account.name, kind: account.kind, resellerID: account.resellerID,
      createdAt: account.createdAt, organizationID: organizationID)
  }
}
