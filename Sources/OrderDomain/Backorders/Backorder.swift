import Foundation

/// Identifies a backorder in the parent organization, e.g. `BKO-000001`.
public struct BackorderID: Identifier {
  public let rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }
  public init(number: Int) { self.init(sequentialIdentifier(prefix: "BKO", number)) }
}

/// Where a backorder stands in the parent (B3).
public enum BackorderStatus: String, Hashable, Sendable, Codable, CaseIterable {
  /// Received and not yet applied (only inside the transaction that receives it).
  case received
  /// Applied: the parent's order executed (or nothing was left to do).
  case applied
  /// The parent cannot apply it; waits for an admin to fix the cause and retry (B3).
  case stalled
  /// Waits behind a stalled or waiting backorder of the same tenant subscription (B3).
  case waiting
}

/// A tenant's change as received by its parent organization (B2-B4).
public struct Backorder: Hashable, Sendable {
  public var id: BackorderID
  public var tenantOrganizationID: OrganizationID
  /// The tenant's own subscription.
  public var tenantSubscriptionID: SubscriptionID
  /// The change's position in the tenant's outbox: increasing per tenant (B3).
  public var sourceSequence: Int64
  /// The tenant's own account in this (the parent) organization.
  public var accountID: AccountID
  public var kind: BackorderKind
  public var sku: String
  public var quantity: Int
  public var previousSKU: String?
  /// For an add-on's sale, the tenant's base subscription.
  public var tenantBaseSubscriptionID: SubscriptionID?
  /// The tenant's order that executed the change, and when.
  public var tenantOrderNumber: OrderNumber
  public var changedAt: Date
  public var status: BackorderStatus
  /// Why it stalled, or what it waits behind.
  public var reason: String?
  /// The backorder it waits behind, when waiting.
  public var waitingBehind: BackorderID?
  /// What applying it made or changed in this organization.
  public var subscriptionID: SubscriptionID?
  public var orderID: OrderID?
  public var receivedAt: Date
  public var appliedAt: Date?

  public init(
    id: BackorderID, tenantOrganizationID: OrganizationID, tenantSubscriptionID: SubscriptionID,
    sourceSequence: Int64, accountID: AccountID, kind: BackorderKind, sku: String, quantity: Int,
    previousSKU: String?, tenantBaseSubscriptionID: SubscriptionID?, tenantOrderNumber: OrderNumber,
    changedAt: Date, status: BackorderStatus, reason: String?, waitingBehind: BackorderID?,
    subscriptionID: SubscriptionID?, orderID: OrderID?, receivedAt: Date, appliedAt: Date?
  ) {
    self.id = id
    self.tenantOrganizationID = tenantOrganizationID
    self.tenantSubscriptionID = tenantSubscriptionID
    self.sourceSequence = sourceSequence
    self.accountID = accountID
    self.kind = kind
    self.sku = sku
    self.quantity = quantity
    self.previousSKU = previousSKU
    self.tenantBaseSubscriptionID = tenantBaseSubscriptionID
    self.tenantOrderNumber = tenantOrderNumber
    self.changedAt = changedAt
    self.status = status
    self.reason = reason
    self.waitingBehind = waitingBehind
    self.subscriptionID = subscriptionID
    self.orderID = orderID
    self.receivedAt = receivedAt
    self.appliedAt = appliedAt
  }

  /// The tenant's change it carries.
  public var change: BackorderChange {
    BackorderChange(
      sequence: sourceSequence, subscriptionID: tenantSubscriptionID, kind: kind, sku: sku, quantity: quantity,
      previousSKU: previousSKU, baseSubscriptionID: tenantBaseSubscriptionID, orderNumber: tenantOrderNumber,
      at: changedAt)
  }

  /// Whether later backorders of the same tenant subscription must wait behind it (B3).
  public var blocks: Bool { status == .stalled || status == .waiting }
}
