import Foundation

/// Identifies a subscription inside its organization, e.g. `SUB-000001`.
public struct SubscriptionID: Identifier {
  public let rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }
  public init(number: Int) { self.init(sequentialIdentifier(prefix: "SUB", number)) }
}

/// The lifecycle status of a subscription.
public struct SubscriptionStatus: Identifier {
  public let rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }

  public static let active = SubscriptionStatus("active")
  /// Ended at the end of its term without renewal (F5).
  public static let expired = SubscriptionStatus("expired")
  public static let cancelled = SubscriptionStatus("cancelled")
}

/// Whether the vendor's side matches the platform's.
public enum ProvisioningStatus: String, Sendable, Codable, CaseIterable {
  case synced, pending, failed
}

/// A customer's subscription to a recurring product.
public struct Subscription: Hashable, Sendable {
  public var id: SubscriptionID
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
  /// End of the current billing period: the next renewal or invoice date.
  public var currentPeriodEnd: Date
  /// End of the commitment term.
  public var termEnd: Date
  /// The order that created it.
  public var orderID: OrderID
  /// For an add-on, the subscription of its base product.
  public var parentSubscriptionID: SubscriptionID?

  public init(
    id: SubscriptionID, accountID: AccountID, sku: String, productName: String, status: SubscriptionStatus,
    provisioningStatus: ProvisioningStatus, quantity: Int, billingCycle: BillingCycle, term: Term,
    autoRenew: Bool, startDate: Date, currentPeriodEnd: Date, termEnd: Date, orderID: OrderID,
    parentSubscriptionID: SubscriptionID?
  ) {
    self.id = id
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
}
