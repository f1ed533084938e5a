import Foundation
import GRDB
import OrderDomain

/// A row of `subscriptions`.
struct SubscriptionRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "subscriptions"

  var id: SubscriptionID
  var accountID: AccountID
  var sku: String
  var productName: String
  var status: SubscriptionStatus
  var provisioningStatus: ProvisioningStatus
  var quantity: Int
  var billingCycle: BillingCycle
  var term: Term
  var autoRenew: Bool
  var startDate: Date
  var currentPeriodEnd: Date
  var termEnd: Date
  var orderID: OrderID
  var parentSubscriptionID: SubscriptionID?

  var subscription: Subscription {
    Subscription(
      id: id, accountID: accountID, sku: sku, productName: productName, status: status,
      provisioningStatus: provisioningStatus, quantity: quantity, billingCycle: billingCycle, term: term,
      autoRenew: autoRenew, startDate: startDate, currentPeriodEnd: currentPeriodEnd, termEnd: termEnd,
      orderID: orderID, parentSubscriptionID: parentSubscriptionID)
  }
}

extension SubscriptionRecord {
  init(_ s: Subscription) {
    self.init(
      id: s.id, accountID: s.accountID, sku: s.sku, productName: s.productName, status: s.status,
      provisioningStatus: s.provisioningStatus, quantity: s.quantity, billingCycle: s.billingCycle, term: s.term,
      autoRenew: s.autoRenew, startDate: s.startDate, currentPeriodEnd: s.currentPeriodEnd, termEnd: s.termEnd,
      orderID: s.orderID, parentSubscriptionID: s.parentSubscriptionID)
  }
}
