import Foundation

/// What an immediate change of a subscription does, decided by ``ChangePlanner``.
public struct ChangePlan: Hashable, Sendable {
  /// `CH`, `CL`, `CF` or `RC` (O1); `nil` when only a setting changes (auto-renew, H3)
  /// and no order is created.
  public var orderType: OrderType?
  public var lines: [OrderLine]
  /// The same amounts as ``lines``, described for the invoice.
  public var invoiceLines: [InvoiceLine]
  /// Signed (O5): positive when the customer pays, negative when credited.
  public var total: Money
  public var before: Subscription
  /// The subscription once the change is applied.
  public var after: Subscription
  /// Add-ons cancelled with their base, as they are after the change.
  public var cancelledAddons: [Subscription]
  /// What changes, old and new values.
  public var details: [ChangeDetail]

  public init(
    orderType: OrderType?, lines: [OrderLine], invoiceLines: [InvoiceLine], total: Money, before: Subscription,
    after: Subscription, cancelledAddons: [Subscription] = [], details: [ChangeDetail]
  ) {
    self.orderType = orderType
    self.lines = lines
    self.invoiceLines = invoiceLines
    self.total = total
    self.before = before
    self.after = after
    self.cancelledAddons = cancelledAddons
    self.details = details
  }

  /// E.g. `quantity 5 -> 8, auto-renew on -> off`.
  public var summary: String { details.map(\.description).joined(separator: ", ") }

  /// The order to record for this plan, about the subscription; `nil` when no order is needed.
  public func newOrder(status: OrderStatus, createdBy: Agent, scheduledFor: Date? = nil, reason: String)
    -> NewOrder?
  {
    guard let orderType else { return nil }
    return NewOrder(
      type: orderType, status: status, accountID: before.accountID, createdBy: createdBy, lines: lines, total: total,
      scheduledFor: scheduledFor, reason: reason, subscriptionID: before.id)
  }

  /// The invoice of the order created for this plan.
  public func newInvoice(order: Order, issuedAt: Date) throws(DomainError) -> NewInvoice {
    try NewInvoice(
      accountID: order.accountID, orderID: order.id, issuedAt: issuedAt, lines: invoiceLines,
      currency: total.currency)
  }
}
