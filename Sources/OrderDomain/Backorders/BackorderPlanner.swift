import Foundation

/// What the parent does to apply a backorder, decided by ``BackorderPlanner``.
public enum BackorderAction: Hashable, Sendable {
  /// Place a sales order for `item` on the tenant's account; link what it creates to the
  /// tenant's subscription.
  case sale(item: RequestedItem, plan: SalesOrderPlan)
  /// Change the linked subscription now with `actions`.
  case change(subscription: Subscription, actions: [ChangeAction], plan: ChangePlan)
  /// The parent already matches (e.g. the linked subscription is cancelled already):
  /// mark it applied without an order.
  case nothing(reason: String)
  /// The parent cannot apply it: stall with this reason for an admin (B3).
  case stall(reason: String)
}

/// Decides how the parent applies a tenant's change (B2, B3): the same change, as an
/// immediate change, on the tenant's own account, mapped by SKU.
///
/// Pure: takes the parent's catalog and state; a change that cannot apply gives
/// ``BackorderAction/stall(reason:)`` with a reason a person can act on.
public struct BackorderPlanner: Sendable {
  public var catalog: [Product]
  /// The parent organization's currency.
  public var currency: String

  public init(catalog: [Product], currency: String) {
    self.catalog = catalog
    self.currency = currency
  }

  /// The parent's action for `change`.
  ///
  /// - Parameters:
  ///   - account: the tenant's own account in the parent.
  ///   - linked: the parent subscription linked to the tenant's subscription, if any.
  ///   - base: for an add-on, the parent's base subscription: for a sale, the one linked to
  ///     the tenant's base subscription; for a change, the linked subscription's base.
  ///   - addons: the linked subscription's add-ons (cancelled with it).
  ///   - accountSubscriptions: the account's subscriptions in the parent (for a sale).
  public func plan(
    _ change: BackorderChange, account: Account, linked: Subscription?, base: Subscription? = nil,
    addons: [Subscription] = [], accountSubscriptions: [Subscription] = [], now: Date
  ) -> BackorderAction {
    do throws(DomainError) {
      switch change.kind {
      case .sale:
        return try sale(
          change, account: account, linked: linked, base: base, subscriptions: accountSubscriptions, now: now)
      case .quantity, .upgrade, .cancellation:
        return try self.change(change, linked: linked, base: base, addons: addons, now: now)
      }
    } catch {
      return .stall(reason: error.message)
    }
  }

  func sale(
    _ change: BackorderChange, account: Account, linked: Subscription?, base: Subscription?,
    subscriptions: [Subscription], now: Date
  ) throws(DomainError) -> BackorderAction {
    if let linked {
      return .nothing(reason: "tenant subscription \(change.subscriptionID) is already backordered as \(linked.id)")
    }
    if let tenantBase = change.baseSubscriptionID, base == nil {
      return .stall(
        reason:
          "the add-on's base, tenant subscription \(tenantBase), has no subscription in this organization; apply the base's backorder first"
      )
    }
    let item = RequestedItem(sku: change.sku, quantity: change.quantity, baseSubscriptionID: base?.id)
    let plan = try SalesOrderPlanner(catalog: catalog, currency: currency).plan(
      account: account, items: [item], subscriptions: subscriptions, now: now)
    return .sale(item: item, plan: plan)
  }

  func change(
    _ change: BackorderChange, linked: Subscription?, base: Subscription?, addons: [Subscription], now: Date
  ) throws(DomainError) -> BackorderAction {
    guard let linked else {
      return .stall(
        reason:
          "tenant subscription \(change.subscriptionID) has no subscription in this organization (its sale was never backordered); create one for the tenant's account and link it, then retry"
      )
    }
    if change.kind == .cancellation, linked.status != .active {
      return .nothing(reason: "subscription \(linked.id) is \(linked.status) already")
    }
    guard linked.status == .active else {
      return .stall(
        reason:
          "subscription \(linked.id) is \(linked.status); only an active subscription can take \(change.summary)")
    }
    let actions = actions(for: change, linked: linked)
    guard !actions.isEmpty else {
      return .nothing(reason: "subscription \(linked.id) already matches: \(change.summary)")
    }
    let plan = try ChangePlanner(catalog: catalog, currency: currency).plan(
      linked, actions: actions, base: base, addons: addons, now: now)
    return .change(subscription: linked, actions: actions, plan: plan)
  }

  /// The actions that bring the active `linked` subscription to the change; none when it
  /// already matches.
  func actions(for change: BackorderChange, linked: Subscription) -> [ChangeAction] {
    switch change.kind {
    case .sale: return []
    case .cancellation: return [.cancel]
    case .quantity, .upgrade:
      var actions: [ChangeAction] = []
      if change.kind == .upgrade, linked.sku != change.sku { actions.append(.upgrade(sku: change.sku)) }
      if linked.quantity != change.quantity { actions.append(.quantity(change.quantity)) }
      return actions
    }
  }
}
