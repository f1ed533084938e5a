/// The configuration a change leads to.
struct TargetConfiguration: Hashable, Sendable {
  var product: Product
  var quantity: Int
  var term: Term
  var billingCycle: BillingCycle
  var autoRenew: Bool
}

extension ChangePlanner {
  /// The subscription may change at all, and the actions are well combined (C1).
  func requireChangeable(_ subscription: Subscription, base: Subscription?, actions: [ChangeAction])
    throws(DomainError) -> Product
  {
    guard subscription.status == .active else {
      throw .failedPrecondition(
        "subscription \(subscription.id) is \(subscription.status); a \(subscription.status) subscription cannot change"
      )
    }
    try ChangeAction.requireWellCombined(actions)
    let product = try product(subscription.sku)
    if product.kind == .addon {
      guard let base, base.id == subscription.parentSubscriptionID else {
        throw .internalError("the base subscription of add-on \(subscription.id) was not given")
      }
      guard base.status == .active else {
        throw .failedPrecondition(
          "the base subscription \(base.id) of add-on \(subscription.id) is \(base.status); the add-on cannot change")
      }
    }
    return product
  }

  /// Checks every action against the product, its vendor and the subscription (C1, C2, F4);
  /// returns the configuration after the change.
  func validate(_ subscription: Subscription, product: Product, actions: [ChangeAction]) throws(DomainError)
    -> TargetConfiguration
  {
    var problems: [String] = []
    var target = TargetConfiguration(
      product: product, quantity: subscription.quantity, term: subscription.term,
      billingCycle: subscription.billingCycle, autoRenew: subscription.autoRenew)
    let upgrading = actions.contains { $0.kind == "upgrade" }
    for action in actions {
      if product.kind == .addon, !Self.addonActionAllowed(action) {
        problems.append("an add-on changes only its quantity or is cancelled, so \(action) is not possible")
        continue
      }
      if product.kind == .trial, let reason = Self.trialRefusal(action, upgrading: upgrading) {
        problems.append(reason)
        continue
      }
      switch action {
      case .upgrade(let sku): problems += upgradeProblems(product, to: sku, target: &target)
      case .quantity(let quantity): target.quantity = quantity
      case .term(let term): target.term = term
      case .billingCycle(let cycle): target.billingCycle = cycle
      case .autoRenew(let on): target.autoRenew = on
      case .cancel: break
      }
    }
    if problems.isEmpty { problems += configurationProblems(subscription, target: target, actions: actions) }
    if let error = DomainError.combining(
      .invalidArgument, summary: "subscription \(subscription.id) cannot be changed:", problems)
    {
      throw error
    }
    if target.quantity < subscription.quantity, product.kind != .addon {
      try VendorCapabilities.of(product.vendor).requireQuantityDecrease(.now)
    }
    return target
  }

  static func addonActionAllowed(_ action: ChangeAction) -> Bool {
    switch action {
    case .quantity, .cancel, .autoRenew: true
    case .upgrade, .term, .billingCycle: false
    }
  }

  /// Why a trial cannot take `action`; a term or billing cycle may come with an upgrade.
  static func trialRefusal(_ action: ChangeAction, upgrading: Bool) -> String? {
    switch action {
    case .quantity: "a trial cannot change its quantity; upgrade it to a paid product first"
    case .term, .billingCycle:
      upgrading ? nil : "a trial cannot change its \(action.kind); upgrade it to a paid product first"
    case .autoRenew(true): "a trial never renews; upgrade it to a paid product instead"
    case .upgrade, .autoRenew(false), .cancel: nil
    }
  }

  func upgradeProblems(_ product: Product, to sku: String, target: inout TargetConfiguration) -> [String] {
    guard sku != product.sku else { return ["the subscription is already on \(sku)"] }
    guard product.upgradesTo.contains(sku) else {
      let allowed =
        product.upgradesTo.isEmpty
        ? "cannot be upgraded" : "can be upgraded to \(product.upgradesTo.joined(separator: ", ")) only"
      return ["\(product.sku) \(allowed), not to \(sku)"]
    }
    guard let next = catalog[sku] else { return ["upgrade target \(sku) is not in the catalog"] }
    guard next.kind == .subscription else {
      return ["upgrade target \(sku) is a \(next.kind.rawValue); only a paid subscription product can be an upgrade"]
    }
    target.product = next
    if product.kind == .trial { target.autoRenew = true }
    return []
  }

  /// The configuration after every action must be one the (new) product offers.
  func configurationProblems(_ subscription: Subscription, target: TargetConfiguration, actions: [ChangeAction])
    -> [String]
  {
    var problems: [String] = []
    let product = target.product
    let kinds = Set(actions.map(\.kind))
    if kinds.contains("quantity") && target.quantity == subscription.quantity {
      problems.append("the quantity is already \(target.quantity)")
    }
    if !(product.minQuantity...product.maxQuantity).contains(target.quantity) {
      problems.append(
        "quantity \(target.quantity) is outside \(product.sku)'s allowed range \(product.minQuantity)...\(product.maxQuantity)"
      )
    }
    if !product.billingCycles.contains(target.billingCycle) {
      problems.append(
        "\(product.sku) is not billed \(target.billingCycle.rawValue); choose one of \(Self.list(product.billingCycles))"
      )
    } else if kinds.contains("billingCycle") && target.billingCycle == subscription.billingCycle {
      problems.append("the billing cycle is already \(target.billingCycle.rawValue)")
    }
    if !product.terms.contains(target.term) {
      problems.append(
        "\(product.sku) does not offer the term \(target.term.rawValue); choose one of \(Self.list(product.terms))")
    } else if kinds.contains("term") && target.term == subscription.term {
      problems.append("the term is already \(target.term.rawValue)")
    } else if target.term < subscription.term {
      problems.append(
        "a shorter term (\(target.term.rawValue)) can start only at renewal; schedule it On Renewal")
    }
    if target.billingCycle.months > target.term.months {
      problems.append("billing cycle \(target.billingCycle.rawValue) is longer than the term \(target.term.rawValue)")
    }
    if kinds.contains("autoRenew") && target.autoRenew == subscription.autoRenew && !kinds.contains("upgrade") {
      problems.append("auto-renew is already \(target.autoRenew ? "on" : "off")")
    }
    return problems
  }

  static func list<T: RawRepresentable>(_ values: [T]) -> String where T.RawValue == String {
    values.map(\.rawValue).joined(separator: ", ")
  }
}
