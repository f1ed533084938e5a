import Foundation
import GRDB
import OrderDomain

/// A row of `backorderOutbox`: a tenant's executed change waiting for its parent (B2, B3).
struct BackorderOutboxRecord: Codable, FetchableRecord, AutoKeyedRecord {
  static let databaseTableName = "backorderOutbox"
  static let autoKeyColumn = "sequence"

  /// Assigned by SQLite on insert (AUTOINCREMENT: the changes' order, never reused).
  var sequence: Int64?
  var subscriptionID: SubscriptionID
  var kind: BackorderKind
  var sku: String
  var quantity: Int
  var previousSKU: String?
  var baseSubscriptionID: SubscriptionID?
  var createdAt: Date
  var orderNumber: OrderNumber

  mutating func didInsert(_ inserted: InsertionSuccess) { sequence = inserted.rowID }

  var autoKey: Int64? {
    get { sequence }
    set { sequence = newValue }
  }

  var change: BackorderChange {
    BackorderChange(
      sequence: sequence, subscriptionID: subscriptionID, kind: kind, sku: sku, quantity: quantity,
      previousSKU: previousSKU, baseSubscriptionID: baseSubscriptionID, orderNumber: orderNumber, at: createdAt)
  }
}

extension BackorderOutboxRecord {
  init(_ change: BackorderChange) {
    self.init(
      sequence: nil, subscriptionID: change.subscriptionID, kind: change.kind, sku: change.sku,
      quantity: change.quantity, previousSKU: change.previousSKU, baseSubscriptionID: change.baseSubscriptionID,
      createdAt: change.at, orderNumber: change.orderNumber)
  }
}
