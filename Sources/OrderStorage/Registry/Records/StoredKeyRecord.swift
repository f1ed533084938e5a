import Foundation
import GRDB
import OrderDomain

/// A row of the registry's `apiKeys`: a key's record and the hash of its secret, never the
/// secret (T3). (``APIKeyRecord`` is the public value without the hash.)
struct StoredKeyRecord: Codable, FetchableRecord, PersistableRecord, StoredRecord {
  static let databaseTableName = "apiKeys"
  static let primaryKey = ["id"]

  var id: APIKeyID
  var organizationID: OrganizationID
  var role: Role
  var accountID: AccountID?
  var secretHash: Data
  var createdAt: Date
  var revokedAt: Date?

  var record: APIKeyRecord {
    APIKeyRecord(
      id: id, organizationID: organizationID, role: role, accountID: accountID, createdAt: createdAt,
      revokedAt: revokedAt)
  }
}

extension StoredKeyRecord {
  init(_ record: APIKeyRecord, secretHash: Data) {
    self.init(
      id: record.id, organizationID: record.organizationID, role: record.role, accountID: record.accountID,
      secretHash: secretHash, createdAt: record.createdAt, revokedAt: record.revokedAt)
  }
}
