import Foundation

/// One item a caller asks to buy.
public struct RequestedItem: Hashable, Sendable {
  public var sku: String
  public var quantity: Int
  /// Defaults to the product's first allowed billing cycle.
  public var billingCycle: BillingCycle?
  /// Defaults to the product's first allowed term that is at least one billing cycle long.
  public var term: Term?
  /// For an add-on: the base subscription to attach to, when the account has several.
  public var baseSubscriptionID: SubscriptionID?

  public init(
    sku: String, quantity: Int, billingCycle: BillingCycle? = nil, term: Term? = nil,
    baseSubscriptionID: SubscriptionID? = nil
  ) {
    self.sku = sku
    self.quantity = quantity
    self.billingCycle = billingCycle
    self.term = term
    self.baseSubscriptionID = baseSubscriptionID
  }
}

/// A problem with one requested item; the planner reports all of them at once.
public struct ItemProblem: Hashable, Sendable, CustomStringConvertible {
  /// Position of the item in the request, from 0.
  public var index: Int
  public var sku: String
  public var reason: String

  public init(index: Int, sku: String, reason: String) {
    self.index = index
    self.sku = sku
    self.reason = reason
  }

  /// E.g. `item 2 (SKU O365-E3): quantity 0 is below the minimum 1`.
  public var description: String { "item \(index + 1) (SKU \(sku)): \(reason)" }
}

/// The base subscription of a planned add-on.
public enum BaseSubscription: Hashable, Sendable {
  /// A subscription the account has already.
  case existing(SubscriptionID)
  /// A subscription created by the same order, from the item at this index.
  case sameOrder(itemIndex: Int)
}
