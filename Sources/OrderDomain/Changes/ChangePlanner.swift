import Foundation

/// Decides what an immediate change of a subscription costs and does (C1, O1, O5, H1).
///
/// Pure: takes the subscription, the catalog and `now`; returns a ``ChangePlan`` or a
/// ``DomainError`` a person can act on. The order type follows from the actions (O1):
/// `CH` for changes (signed amount), `CL`/`CF` for a cancellation, none for auto-renew only.
public struct ChangePlanner: Sendable {
  public var catalog: [String: Product]
  public var currency: String

  public init(catalog: [Product], currency: String) {
    self.catalog = Dictionary(catalog.map { ($0.sku, $0) }, uniquingKeysWith: { first, _ in first })
    self.currency = currency
  }

  /// Plans an immediate change.
  ///
  /// - Parameters:
  ///   - base: for an add-on, its base subscription (must be active).
  ///   - addons: the subscription's add-ons (the active ones are cancelled with it).
  /// - Throws: `invalidArgument` for actions that are not allowed (listing each problem);
  ///   `failedPrecondition` when the subscription's state or its vendor does not allow it.
  public func plan(
    _ subscription: Subscription, actions: [ChangeAction], base: Subscription? = nil, addons: [Subscription] = [],
    now: Date
  ) throws(DomainError) -> ChangePlan {
    let product = try requireChangeable(subscription, base: base, actions: actions)
    if actions.contains(.cancel) {
      return try cancellation(subscription, product: product, addons: addons, now: now)
    }
    let target = try validate(subscription, product: product, actions: actions)
    return try change(subscription, from: product, to: target, now: now)
  }

  /// A resynchronisation that needs provisioning at the vendor: an `RC` order with zero
  /// amount (O1).
  public func resync(_ subscription: Subscription, now: Date) throws(DomainError) -> ChangePlan {
    guard subscription.status == .active else {
      throw .failedPrecondition(
        "subscription \(subscription.id) is \(subscription.status); only an active one is resynchronised")
    }
    let zero = Money.zero(currency)
    let line = OrderLine(
      sku: subscription.sku, quantity: subscription.quantity, unitPrice: zero, billingCycle: subscription.billingCycle,
      term: subscription.term, amount: zero)
    let invoiceLine = InvoiceLine(
      sku: subscription.sku, description: "\(subscription.productName): resynchronisation, no charge",
      quantity: subscription.quantity, unitPrice: zero, amount: zero)
    return ChangePlan(
      orderType: .resource, lines: [line], invoiceLines: [invoiceLine], total: zero, before: subscription,
      after: subscription,
      details: [ChangeDetail(field: "provisioning", old: subscription.provisioningStatus.rawValue, new: "resync")])
  }

  func product(_ sku: String) throws(DomainError) -> Product {
    guard let product = catalog[sku] else {
      throw .failedPrecondition("product \(sku) is no longer in the catalog; the subscription cannot change")
    }
    return product
  }
}
