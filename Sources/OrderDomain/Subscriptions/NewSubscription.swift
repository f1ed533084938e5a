import Foundation

/// A subscription to create; the store assigns the id.
public struct NewSubscription: Hashable, Sendable {
  public var accountID: AccountID
  public var sku: String
  public var productName: String
  public var status: SubscriptionStatus
  public var provisioningStatus: ProvisioningStatus
  public var quantity: Int
  public var billingCycle: BillingCycle
  public var term: Term
  public var autoRenew: Bool
  public var startDate: Date
  public var currentPeriodEnd: Date
  public var termEnd: Date
  public var orderID: OrderID
  public var parentSubscriptionID: SubscriptionID?

  public init(
    accountID: AccountID, sku: String, productName: String, status: SubscriptionStatus = .active,
    provisioningStatus: ProvisioningStatus, quantity: Int, billingCycle: BillingCycle, term: Term,
    autoRenew: Bool, startDate: Date, currentPeriodEnd: Date, termEnd: Date, orderID: OrderID,
    parentSubscriptionID: SubscriptionID? = nil
  ) {
    self.accountID = accountID
    self.sku = sku
    self.productName = productName
    self.status = status
    self.provisioningStatus = provisioningStatus
    self.quantity = quantity
    self.billingCycle = billingCycle
    self.term = term
    self.autoRenew = autoRenew
    self.startDate = startDate
    self.currentPeriodEnd = currentPeriodEnd
    self.termEnd = termEnd
    self.orderID = orderID
    self.parentSubscriptionID = parentSubscriptionID
  }

  /// The subscription with its assigned id.
  public func with(id: SubscriptionID) -> Subscription {
    Subscription(
      id: id, accountID: accountID, sku: sku, productName: productName, status: status,
      provisioningStatus: provisioningStatus, quantity: quantity, billingCycle: billingCycle, term: term,
      autoRenew: autoRenew, startDate: startDate, currentPeriodEnd: currentPeriodEnd, termEnd: termEnd,
      orderID: orderID, parentSubscriptionID: parentSubscriptionID)
  }
}
