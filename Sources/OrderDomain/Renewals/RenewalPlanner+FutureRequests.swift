import Foundation

extension RenewalPlanner {
  /// Checks a new future request ("Manage Renewal", F1, F4) and returns it.
  ///
  /// - Parameters:
  ///   - pendingOnRenewalChange: the number of the subscription's pending On Renewal change, if any.
  ///   - existing: the subscription's future request, if any.
  /// - Throws: `failedPrecondition` naming every condition of F1 (or F4) that fails;
  ///   `invalidArgument` when the quantity is outside the product's range or unchanged.
  public func futureRequest(
    quantity: Int, for subscription: Subscription, pendingOnRenewalChange: OrderNumber?, existing: FutureRequest?,
    by agent: Agent, now: Date
  ) throws(DomainError) -> FutureRequest {
    let product = try product(subscription.sku)
    var problems: [String] = []
    if product.kind == .addon {
      problems.append("an add-on gets immediate quantity changes only; change its quantity now")
    }
    if subscription.status != .active || subscription.provisioningStatus != .synced {
      problems.append(
        "the subscription must be active with provisioning status synced; it is \(subscription.status) with provisioning status \(subscription.provisioningStatus.rawValue)"
      )
    }
    if !subscription.autoRenew {
      problems.append("auto-renew must be on; turn it on first")
    }
    if product.pricing != .prepaidRecurring {
      problems.append("the pricing must be prepaid recurring; \(product.sku) is \(product.pricing.rawValue)")
    }
    if let pendingOnRenewalChange {
      problems.append(
        "there must be no pending On Renewal change; \(pendingOnRenewalChange) is pending (replace it with a new On Renewal change instead)"
      )
    }
    if let existing {
      problems.append(
        "there must be no existing future request; quantity \(existing.quantity) is already requested (revoke it first)"
      )
    }
    if product.maxQuantity == 1 {
      problems.append("quantity limit is 1: Manage Renewal is not available for this product")
    }
    if let error = DomainError.combining(
      .failedPrecondition, summary: "Manage Renewal is not available for subscription \(subscription.id):", problems)
    {
      throw error
    }
    try requireQuantity(quantity, for: subscription, product: product)
    return FutureRequest(subscriptionID: subscription.id, quantity: quantity, createdAt: now, createdBy: agent)
  }

  private func requireQuantity(_ quantity: Int, for subscription: Subscription, product: Product)
    throws(DomainError)
  {
    guard (product.minQuantity...product.maxQuantity).contains(quantity) else {
      throw .invalidArgument(
        "quantity \(quantity) is outside \(product.sku)'s allowed range \(product.minQuantity)...\(product.maxQuantity)"
      )
    }
    guard quantity != subscription.quantity else {
      throw .invalidArgument("the quantity is already \(quantity); request a different quantity")
    }
  }
}
