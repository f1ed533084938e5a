import OrderDomain
import OrderStorage

extension OrganizationTransaction {
  /// The products a change or renewal plan of `subscription` can name: its own, its base's,
  /// its add-ons', and those `actions` upgrade to. The planners look up no other SKU, and a
  /// reseller's catalog may hold thousands of products: reading the whole catalog for each
  /// renewal of a month-end run cost time in proportion to its size.
  func products(for subscription: Subscription, actions: [ChangeAction]) throws -> [Product] {
    var skus = [subscription.sku]
    if let base = try subscription.parentSubscriptionID.flatMap(self.subscription) { skus.append(base.sku) }
    skus += try addons(of: subscription.id).map(\.sku)
    for case .upgrade(let sku) in actions { skus.append(sku) }
    return try products(skus: skus)
  }
}
