extension RenewalPlanner {
  /// The configuration `actions` lead to at the renewal, checked against the catalog as it
  /// is then (C1, H2); the problems are empty when the change can be applied.
  func renewalTarget(_ subscription: Subscription, product: Product, actions: [ChangeAction])
    -> (target: TargetConfiguration, problems: [String])
  {
    var target = TargetConfiguration(
      product: product, quantity: subscription.quantity, term: subscription.term,
      billingCycle: subscription.billingCycle, autoRenew: subscription.autoRenew)
    var problems: [String] = []
    if product.kind == .addon { problems.append("an add-on gets immediate changes only") }
    if product.kind == .trial { problems.append("a trial cannot be changed at its renewal") }
    var kinds: Set<String> = []
    for action in actions {
      guard kinds.insert(action.kind).inserted else {
        problems.append("the \(action.kind) action is given twice")
        continue
      }
      switch action {
      case .quantity(let quantity): target.quantity = quantity
      case .upgrade(let sku): problems += changePlanner.upgradeProblems(product, to: sku, target: &target)
      case .term(let term): target.term = term
      case .billingCycle(let cycle): target.billingCycle = cycle
      case .autoRenew, .cancel: problems.append("\(action) cannot be applied at the renewal")
      }
    }
    let next = target.product
    if !(next.minQuantity...next.maxQuantity).contains(target.quantity) {
      problems.append(
        "quantity \(target.quantity) is outside \(next.sku)'s allowed range \(next.minQuantity)...\(next.maxQuantity)")
    }
    if !next.billingCycles.contains(target.billingCycle) {
      problems.append("\(next.sku) is not billed \(target.billingCycle.rawValue)")
    }
    if !next.terms.contains(target.term) {
      problems.append("\(next.sku) does not offer the term \(target.term.rawValue)")
    }
    if target.billingCycle.months > target.term.months {
      problems.append("billing cycle \(target.billingCycle.rawValue) is longer than the term \(target.term.rawValue)")
    }
    if next.pricing == .oneTime || !next.kind.isSubscription {
      problems.append("\(next.sku) is not a recurring subscription product")
    }
    return (target, problems)
  }
}
