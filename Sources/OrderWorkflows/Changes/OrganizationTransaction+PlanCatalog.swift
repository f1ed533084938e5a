import OrderDomain
import OrderStorage

extension OrganizationTransaction {
  /// The products a change or renewal plan of `subscription` can name: its own, those of the
  /// `addons` given to the planner (cancelled with it), and those `actions` upgrade to. The
  /// planners look up no other SKU (not the base's), and a reseller's catalog may hold
  /// thousands of products: reading the whole catalog for each renewal of a month-end run
  /// cost time in proportion to its size.
  func products(for subscription: Subscription, addons: [Subscription] = [], actions: [ChangeAction]) throws
    -> [Product]
  {
    var skus = [subscription.sku] + addons.map(\.sku)
    for case .upgrade(let sku) in actions { skus.append(sku) }
    return try products(skus: skus)
  }
}
