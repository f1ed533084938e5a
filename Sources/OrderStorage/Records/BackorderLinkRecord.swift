import GRDB
import OrderDomain

/// A row of `backorderLinks`: the parent's subscription a tenant's subscription maps to (B2).
struct BackorderLinkRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "backorderLinks"

  var tenantOrganizationID: OrganizationID
  var tenantSubscriptionID: SubscriptionID
  var subscriptionID: SubscriptionID
}
