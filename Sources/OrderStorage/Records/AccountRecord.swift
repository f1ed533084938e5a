import Foundation
import GRDB
import OrderDomain

/// A row of `accounts` (T5); `organizationID` names the child organization an account
/// stands for in its parent (B2, schema v10).
struct AccountRecord: FetchableRecord, PersistableRecord, StoredRecord {
  static let databaseTableName = "accounts"
  static let primaryKey = ["id"]

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
  /// Read and written column by column rather than through `Codable`: these rows are read
  /// and written on every order placed, where GRDB's `Codable` path cost half again as much
  /// CPU (issue 11, see docs/decisions.md).
  init(row: Row) throws {
    id = try row.decode("id")
    name = try row.decode("name")
    kind = try row.decode("kind")
    resellerID = try row.decodeIfPresent("resellerID")
    createdAt = try row.decode("createdAt")
    organizationID = try row.decodeIfPresent("organizationID")
  }

  func encode(to container: inout PersistenceContainer) {
    container["id"] = id.rawValue
    container["name"] = name
    container["kind"] = kind.rawValue
    container["resellerID"] = resellerID?.rawValue
    container["createdAt"] = createdAt
    container["organizationID"] = organizationID?.rawValue
  }
}

extension AccountRecord {
  init(_ account: Account, organizationID: OrganizationID? = nil) {
    self.init(
      id: account.id, name: account.name, kind: account.kind, resellerID: account.resellerID,
      createdAt: account.createdAt, organizationID: organizationID)
  }
}
