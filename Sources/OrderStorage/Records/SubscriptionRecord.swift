import Foundation
import GRDB
import OrderDomain

/// A row of `subscriptions`.
struct SubscriptionRecord: FetchableRecord, PersistableRecord, StoredRecord {
  static let databaseTableName = "subscriptions"
  static let primaryKey = ["id"]

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
  /// Read and written column by column rather than through `Codable`: these rows are read
  /// and written on every order placed, where GRDB's `Codable` path cost half again as much
  /// CPU (issue 11, see docs/decisions.md).
  init(row: Row) throws {
    id = try row.decode("id")
    accountID = try row.decode("accountID")
    sku = try row.decode("sku")
    productName = try row.decode("productName")
    status = try row.decode("status")
    provisioningStatus = try row.decode("provisioningStatus")
    quantity = try row.decode("quantity")
    billingCycle = try row.decode("billingCycle")
    term = try row.decode("term")
    autoRenew = try row.decode("autoRenew")
    startDate = try row.decode("startDate")
    currentPeriodEnd = try row.decode("currentPeriodEnd")
    termEnd = try row.decode("termEnd")
    orderID = try row.decode("orderID")
    parentSubscriptionID = try row.decodeIfPresent("parentSubscriptionID")
  }

  func encode(to container: inout PersistenceContainer) {
    container["id"] = id.rawValue
    container["accountID"] = accountID.rawValue
    container["sku"] = sku
    container["productName"] = productName
    container["status"] = status.rawValue
    container["provisioningStatus"] = provisioningStatus.rawValue
    container["quantity"] = quantity
    container["billingCycle"] = billingCycle.rawValue
    container["term"] = term.rawValue
    container["autoRenew"] = autoRenew
    container["startDate"] = startDate
    container["currentPeriodEnd"] = currentPeriodEnd
    container["termEnd"] = termEnd
    container["orderID"] = orderID.rawValue
    container["parentSubscriptionID"] = parentSubscriptionID?.rawValue
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
