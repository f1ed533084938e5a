import Foundation
import OrderDomain
import OrderStorage

/// Asks the (simulated) vendor connector of a product, with the product's configured
/// behaviour (C2). Deterministic: the same request always gets the same answer.
struct VendorCalls {
  let tx: OrganizationTransaction
  let now: Date

  func product(_ sku: String) throws -> Product {
    try self.tx.requireProduct(sku: sku)
  }

  func behavior(_ sku: String) throws -> VendorBehavior {
    try self.tx.vendorBehavior(sku: sku)
  }

  /// Whether the product's vendor answers at once with its current behaviour: instant
  /// vendors do; any provisioning delay makes the answer asynchronous.
  func delay(of sku: String) throws -> Int {
    try self.behavior(sku).provisioningDelay
  }

  func provision(_ subscription: Subscription, attempt: Int) throws -> VendorOutcome {
    let product = try self.product(subscription.sku)
    return SimulatedVendor.handle(
      VendorRequest(
        vendor: product.vendor, sku: subscription.sku, operation: .provisionSubscription(subscription.id),
        attempt: attempt, behavior: try self.behavior(subscription.sku), now: self.now))
  }

  func provision(_ asset: Asset, initial: Bool) throws -> VendorOutcome {
    let product = try self.product(asset.sku)
    var request = asset.vendorRequest(
      vendor: product.vendor, behavior: try self.behavior(asset.sku), term: product.terms.first, now: self.now)
    if initial {
      request.operation = .provisionAsset(asset.id, purchaseDate: asset.purchaseDate, term: product.terms.first)
    }
    return SimulatedVendor.handle(request)
  }

  func change(_ subscription: Subscription, order: Order, attempt: Int) throws -> VendorOutcome {
    let product = try self.product(subscription.sku)
    return SimulatedVendor.handle(
      VendorRequest(
        vendor: product.vendor, sku: subscription.sku, operation: .change(subscription.id, order: order.number),
        attempt: attempt, behavior: try self.behavior(subscription.sku), now: self.now))
  }
}
