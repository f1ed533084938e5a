import Foundation

/// What executing a sales order creates, decided by ``SalesOrderPlanner``.
public struct SalesOrderPlan: Hashable, Sendable {
  /// One line per requested item, in request order.
  public var lines: [OrderLine]
  public var subscriptions: [PlannedSubscription]
  public var assets: [PlannedAsset]
  public var deliveries: [PlannedDelivery]
  /// Sum of the lines' amounts.
  public var total: Money

  public init(
    lines: [OrderLine], subscriptions: [PlannedSubscription], assets: [PlannedAsset],
    deliveries: [PlannedDelivery], total: Money
  ) {
    self.lines = lines
    self.subscriptions = subscriptions
    self.assets = assets
    self.deliveries = deliveries
    self.total = total
  }
}

/// A subscription the order creates; becomes a ``NewSubscription`` once the order exists.
public struct PlannedSubscription: Hashable, Sendable {
  /// The requested item it comes from.
  public var itemIndex: Int
  public var sku: String
  public var productName: String
  public var quantity: Int
  public var billingCycle: BillingCycle
  public var term: Term
  public var autoRenew: Bool
  public var provisioningStatus: ProvisioningStatus
  public var startDate: Date
  public var currentPeriodEnd: Date
  public var termEnd: Date
  /// For an add-on, its base.
  public var base: BaseSubscription?

  public init(
    itemIndex: Int, sku: String, productName: String, quantity: Int, billingCycle: BillingCycle, term: Term,
    autoRenew: Bool, provisioningStatus: ProvisioningStatus, startDate: Date, currentPeriodEnd: Date, termEnd: Date,
    base: BaseSubscription?
  ) {
    self.itemIndex = itemIndex
    self.sku = sku
    self.productName = productName
    self.quantity = quantity
    self.billingCycle = billingCycle
    self.term = term
    self.autoRenew = autoRenew
    self.provisioningStatus = provisioningStatus
    self.startDate = startDate
    self.currentPeriodEnd = currentPeriodEnd
    self.termEnd = termEnd
    self.base = base
  }

  /// The subscription to insert, once the order and the base's id are known.
  public func newSubscription(accountID: AccountID, orderID: OrderID, baseID: SubscriptionID?) -> NewSubscription {
    NewSubscription(
      accountID: accountID, sku: sku, productName: productName, status: .active,
      provisioningStatus: provisioningStatus, quantity: quantity, billingCycle: billingCycle, term: term,
      autoRenew: autoRenew, startDate: startDate, currentPeriodEnd: currentPeriodEnd, termEnd: termEnd,
      orderID: orderID, parentSubscriptionID: baseID)
  }
}

/// An asset the order creates (A1): one per unit bought.
public struct PlannedAsset: Hashable, Sendable {
  public var itemIndex: Int
  public var sku: String
  public var name: String
  public var purchaseDate: Date

  public init(itemIndex: Int, sku: String, name: String, purchaseDate: Date) {
    self.itemIndex = itemIndex
    self.sku = sku
    self.name = name
    self.purchaseDate = purchaseDate
  }

  public func newAsset(accountID: AccountID, orderID: OrderID) -> NewAsset {
    NewAsset(
      accountID: accountID, sku: sku, name: name, syncStatus: .synchronized, purchaseDate: purchaseDate,
      orderID: orderID)
  }
}

/// A one-off product delivered once; it leaves no record beyond its order line.
public struct PlannedDelivery: Hashable, Sendable {
  public var itemIndex: Int
  public var sku: String
  public var quantity: Int

  public init(itemIndex: Int, sku: String, quantity: Int) {
    self.itemIndex = itemIndex
    self.sku = sku
    self.quantity = quantity
  }
}
