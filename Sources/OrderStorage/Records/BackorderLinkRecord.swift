import GRDB
import OrderDomain

/// A row of `backorderLinks`: the parent's subscription a tenant's subscription maps to (B2).
struct BackorderLinkRecord: Codable, FetchableRecord, PersistableRecord, StoredRecord {
  static let databaseTableName = "backorderLinks"
  static let primaryKey = ["tenantOrganizationID", "tenantSubscriptionID"]

  var tenantOrganizationID: OrganizationID
  var tenantSubscriptionID: SubscriptionID
  var subscriptionID: SubscriptionID
}
