import Foundation

/// The kind of change a tenant relays to its parent (B2).
public enum BackorderKind: String, Hashable, Sendable, Codable, CaseIterable {
  /// A subscription was created (a base product or an add-on).
  case sale
  /// The quantity changed (an immediate change or at the renewal).
  case quantity
  /// The SKU changed (an upgrade or downgrade), with the quantity after it.
  case upgrade
  /// The subscription was cancelled.
  case cancellation
}

/// One executed change of a tenant's subscription, to relay to the parent (B2, B3).
///
/// Written to the tenant's outbox in the same transaction as the change itself; the
/// outbox assigns ``sequence``, which orders the tenant's changes (B3).
public struct BackorderChange: Hashable, Sendable {
  /// The position in the tenant's outbox; `nil` until appended.
  public var sequence: Int64?
  /// The tenant's own subscription.
  public var subscriptionID: SubscriptionID
  public var kind: BackorderKind
  /// The SKU after the change (for a cancellation, the subscription's SKU).
  public var sku: String
  /// The quantity after the change (for a cancellation, the quantity cancelled).
  public var quantity: Int
  /// For an upgrade, the SKU before it.
  public var previousSKU: String?
  /// For the sale of an add-on, the tenant's base subscription it is attached to.
  public var baseSubscriptionID: SubscriptionID?
  /// The tenant's order that executed the change.
  public var orderNumber: OrderNumber
  /// When the change executed in the tenant.
  public var at: Date

  public init(
    sequence: Int64? = nil, subscriptionID: SubscriptionID, kind: BackorderKind, sku: String, quantity: Int,
    previousSKU: String? = nil, baseSubscriptionID: SubscriptionID? = nil, orderNumber: OrderNumber, at: Date
  ) {
    self.sequence = sequence
    self.subscriptionID = subscriptionID
    self.kind = kind
    self.sku = sku
    self.quantity = quantity
    self.previousSKU = previousSKU
    self.baseSubscriptionID = baseSubscriptionID
    self.orderNumber = orderNumber
    self.at = at
  }

  /// E.g. `sale of 5 x O365-E3`, `quantity 8 of O365-E3`, `upgrade O365-E3 -> O365-E5 (5)`.
  public var summary: String {
    switch kind {
    case .sale: "sale of \(quantity) x \(sku)"
    case .quantity: "quantity \(quantity) of \(sku)"
    case .upgrade: "upgrade \(previousSKU ?? "?") -> \(sku) (\(quantity))"
    case .cancellation: "cancellation of \(sku)"
    }
  }
}
