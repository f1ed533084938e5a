import Foundation
import GRDB
import OrderDomain

/// A row of the registry's `organizations` (T1); `parentAccountID` is the child's own
/// account in its parent (B2, registry v3).
struct OrganizationRecord: Codable, FetchableRecord, PersistableRecord, StoredRecord {
  static let databaseTableName = "organizations"
  static let primaryKey = ["id"]

  var id: OrganizationID
  var name: String
  var kind: OrganizationKind
  var parentID: OrganizationID?
  var currency: String
  var createdAt: Date
  var parentAccountID: AccountID?

  var organization: Organization {
    Organization(
      id: id, name: name, kind: kind, parentID: parentID, currency: currency, createdAt: createdAt,
      parentAccountID: parentAccountID)
  }
}

extension OrganizationRecord {
  init(_ o: Organization) {
    self.init(
      id: o.id, name: o.name, kind: o.kind, parentID: o.parentID, currency: o.currency, createdAt: o.createdAt,
      parentAccountID: o.parentAccountID)
  }
}
