import Foundation
import GRDB
import OrderDomain

/// A row of `backorders`: a tenant's change as the parent received it (B2, B3).
struct BackorderRecord: Codable, FetchableRecord, PersistableRecord, StoredRecord {
  static let databaseTableName = "backorders"
  static let primaryKey = ["id"]

  var id: BackorderID
  var tenantOrganizationID: OrganizationID
  var tenantSubscriptionID: SubscriptionID
  var sourceSequence: Int64
  var accountID: AccountID
  var kind: BackorderKind
  var sku: String
  var quantity: Int
  var previousSKU: String?
  var tenantBaseSubscriptionID: SubscriptionID?
  var tenantOrderNumber: OrderNumber
  var changedAt: Date
  var status: BackorderStatus
  var reason: String?
  var waitingBehind: BackorderID?
  var subscriptionID: SubscriptionID?
  var orderID: OrderID?
  var receivedAt: Date
  var appliedAt: Date?

  /// What changes as a backorder moves on (B3); the rest is the change as received.
  enum Columns {
    static let progress = [
      CodingKeys.status, CodingKeys.reason, CodingKeys.waitingBehind, CodingKeys.subscriptionID, CodingKeys.orderID,
      CodingKeys.appliedAt,
    ].map(\.stringValue)
  }

  var backorder: Backorder {
    Backorder(
      id: id, tenantOrganizationID: tenantOrganizationID, tenantSubscriptionID: tenantSubscriptionID,
      sourceSequence: sourceSequence, accountID: accountID, kind: kind, sku: sku, quantity: quantity,
      previousSKU: previousSKU, tenantBaseSubscriptionID: tenantBaseSubscriptionID,
      tenantOrderNumber: tenantOrderNumber, changedAt: changedAt, status: status, reason: reason,
      waitingBehind: waitingBehind, subscriptionID: subscriptionID, orderID: orderID, receivedAt: receivedAt,
      appliedAt: appliedAt)
  }
}

extension BackorderRecord {
  init(_ b: Backorder) {
    self.init(
      id: b.id, tenantOrganizationID: b.tenantOrganizationID, tenantSubscriptionID: b.tenantSubscriptionID,
      sourceSequence: b.sourceSequence, accountID: b.accountID, kind: b.kind, sku: b.sku, quantity: b.quantity,
      previousSKU: b.previousSKU, tenantBaseSubscriptionID: b.tenantBaseSubscriptionID,
      tenantOrderNumber: b.tenantOrderNumber, changedAt: b.changedAt, status: b.status, reason: b.reason,
      waitingBehind: b.waitingBehind, subscriptionID: b.subscriptionID, orderID: b.orderID, receivedAt: b.receivedAt,
      appliedAt: b.appliedAt)
  }
}
