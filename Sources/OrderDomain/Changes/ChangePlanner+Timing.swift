extension ChangePlanner {
  /// Checks that `actions` may be placed with `timing` (H2, H3, B5, F4, C2), before the
  /// actions themselves are checked with ``plan(_:actions:base:addons:now:)``.
  ///
  /// - Parameter backordering: whether the organization relays its changes to its parent
  ///   (B5: then a cancellation can only be immediate).
  /// - Throws: `failedPrecondition` naming every action that cannot have this timing.
  public func checkTiming(
    _ timing: ChangeTiming, actions: [ChangeAction], subscription: Subscription, backordering: Bool
  ) throws(DomainError) {
    guard timing != .now else { return }
    let product = try product(subscription.sku)
    let capabilities = VendorCapabilities.of(product.vendor)
    try capabilities.requireTiming(timing)
    var problems: [String] = []
    if product.kind == .addon {
      problems.append("an add-on gets immediate changes only; change it now")
    }
    if product.kind == .trial {
      problems.append("a trial cannot have scheduled changes; upgrade it now")
    }
    for action in actions {
      switch action {
      case .autoRenew:
        problems.append("auto-renew cannot be scheduled; change it now")
      case .cancel where backordering:
        problems.append(
          "with backordering a subscription can only be cancelled now; turn auto-renew off to end it at the end of its term"
        )
      case .quantity(let quantity) where quantity < subscription.quantity:
        if !capabilities.quantityDecreaseTimings.contains(timing) {
          problems.append(
            "vendor \(product.vendor.rawValue) does not allow a quantity decrease with \(timing.rawValue) timing")
        }
      case .quantity, .upgrade, .term, .billingCycle, .cancel:
        break
      }
    }
    if let error = DomainError.combining(
      .failedPrecondition, summary: "this change cannot be scheduled \(timing.rawValue):", problems)
    {
      throw error
    }
  }
}
