import Foundation

/// A change waiting for the renewal: an On Renewal change order (H1) or a future request (F1).
public enum RenewalChange: Hashable, Sendable, CustomStringConvertible {
  /// A pending On Renewal change order (in `provisionFinished`) and its actions.
  case order(OrderNumber, actions: [ChangeAction])
  /// A future request's quantity.
  case futureRequest(FutureRequest)

  /// The actions the change asks for.
  public var actions: [ChangeAction] {
    switch self {
    case .order(_, let actions): actions
    case .futureRequest(let request): [.quantity(request.quantity)]
    }
  }

  /// E.g. `On Renewal change CH-000003` or `future request`.
  public var description: String {
    switch self {
    case .order(let number, _): "On Renewal change \(number)"
    case .futureRequest: "future request"
    }
  }
}

/// What happens to a subscription at the end of its billing period (F5), decided by
/// ``RenewalPlanner``.
public struct RenewalPlan: Hashable, Sendable {
  /// What the end of the period leads to.
  public enum Outcome: String, Hashable, Sendable {
    /// The term ended and the subscription renews for a new term (`RN`).
    case renewal
    /// A billing period inside a longer term ended; the next period is billed (`BO`).
    case billing
    /// The term ended with auto-renew off (or the add-on's base ended): the subscription
    /// expires. A postpaid subscription still owes the period just ended (`BO`).
    case expiry
  }

  public var outcome: Outcome
  /// `RN`, `BO`, or `nil` when no order is needed (a prepaid expiry).
  public var orderType: OrderType?
  public var lines: [OrderLine]
  /// The same amounts as ``lines``, described for the invoice.
  public var invoiceLines: [InvoiceLine]
  /// Prepaid: the next period; postpaid: the period just ended.
  public var total: Money
  public var before: Subscription
  /// The subscription after the renewal: next period, new term, changed configuration.
  public var after: Subscription
  /// The On Renewal change or future request applied, if any.
  public var applied: RenewalChange?
  /// The pending change that was not applied and why (it is no longer valid, C1); the
  /// renewal went ahead unchanged.
  public var refused: RenewalChange?
  public var refusalReason: String?
  /// What changed, old and new values (configuration only, not dates).
  public var details: [ChangeDetail]
  /// For people, e.g. "SUB-000001 renewed for 2026-03-01 to 2027-03-01: quantity 5 -> 8 (future request)".
  public var summary: String

  public init(
    outcome: Outcome, orderType: OrderType?, lines: [OrderLine], invoiceLines: [InvoiceLine], total: Money,
    before: Subscription, after: Subscription, applied: RenewalChange? = nil, refused: RenewalChange? = nil,
    refusalReason: String? = nil, details: [ChangeDetail] = [], summary: String
  ) {
    self.outcome = outcome
    self.orderType = orderType
    self.lines = lines
    self.invoiceLines = invoiceLines
    self.total = total
    self.before = before
    self.after = after
    self.applied = applied
    self.refused = refused
    self.refusalReason = refusalReason
    self.details = details
    self.summary = summary
  }

  /// The order to record for this plan, about the subscription; `nil` when none is needed.
  public func newOrder(status: OrderStatus, createdBy: Agent = .system, reason: String) -> NewOrder? {
    guard let orderType else { return nil }
    return NewOrder(
      type: orderType, status: status, accountID: before.accountID, createdBy: createdBy, lines: lines, total: total,
      reason: reason, subscriptionID: before.id)
  }

  /// The invoice of the order created for this plan.
  public func newInvoice(order: Order, issuedAt: Date) throws(DomainError) -> NewInvoice {
    try NewInvoice(
      accountID: order.accountID, orderID: order.id, issuedAt: issuedAt, lines: invoiceLines,
      currency: total.currency)
  }
}
