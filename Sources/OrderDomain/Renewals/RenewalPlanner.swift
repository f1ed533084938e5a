import Foundation

/// Decides what happens to a subscription at the end of its billing period (F5).
///
/// Pure: takes the subscription, its pending On Renewal change or future request, the
/// catalog and `now`. At the end of the term an auto-renewing subscription renews (`RN`)
/// with the pending change applied; at the end of a billing period inside a longer term
/// the next period is billed (`BO`) and pending changes keep waiting for the term's end;
/// with auto-renew off the subscription expires at the end of its term. Prepaid products
/// are charged for the next period, postpaid ones for the period just ended.
///
/// One period per call: when the server was down for longer, call it again with the plan's
/// ``RenewalPlan/after`` until its current period ends after `now`.
public struct RenewalPlanner: Sendable {
  /// The organization's products by SKU.
  public var catalog: [String: Product]
  /// The organization's currency.
  public var currency: String

  public init(catalog: [Product], currency: String) {
    self.catalog = Dictionary(catalog.map { ($0.sku, $0) }, uniquingKeysWith: { first, _ in first })
    self.currency = currency
  }

  /// Plans the end of `subscription`'s current billing period.
  ///
  /// - Parameters:
  ///   - pending: its pending On Renewal change or future request, if any (F1 allows only one).
  ///   - base: for an add-on, its base subscription as it is after its own renewal; an add-on
  ///     whose base is no longer active expires with it.
  /// - Throws: `failedPrecondition` when the subscription is not active, its period has not
  ///   ended at `now`, or its product is no longer in the catalog.
  public func plan(_ subscription: Subscription, pending: RenewalChange? = nil, base: Subscription? = nil, now: Date)
    throws(DomainError) -> RenewalPlan
  {
    guard subscription.status == .active else {
      throw .failedPrecondition(
        "subscription \(subscription.id) is \(subscription.status); only an active subscription renews")
    }
    guard subscription.currentPeriodEnd <= now else {
      throw .failedPrecondition(
        "the billing period of subscription \(subscription.id) ends on \(UTCCalendar.civilDate(of: subscription.currentPeriodEnd)); nothing is due yet"
      )
    }
    let product = try product(subscription.sku)
    let termEnds = subscription.termEnd <= subscription.currentPeriodEnd
    if let base, base.status != .active {
      return try expiry(
        subscription, product: product, pending: pending, reason: "its base subscription \(base.id) is \(base.status)")
    }
    if termEnds && !subscription.autoRenew {
      return try expiry(subscription, product: product, pending: pending, reason: "auto-renew is off")
    }
    if termEnds && product.kind == .trial {
      return try expiry(
        subscription, product: product, pending: pending, reason: "a trial never renews; upgrade it to a paid product")
    }
    if !termEnds { return try billing(subscription, product: product) }
    return try renewal(subscription, product: product, pending: pending)
  }

  func product(_ sku: String) throws(DomainError) -> Product {
    guard let product = catalog[sku] else {
      throw .failedPrecondition("product \(sku) is no longer in the catalog; the subscription cannot renew")
    }
    return product
  }

  var changePlanner: ChangePlanner { ChangePlanner(catalog: Array(catalog.values), currency: currency) }
}
