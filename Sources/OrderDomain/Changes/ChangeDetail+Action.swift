extension ChangeDetail {
  /// An action with the subscription's current value and the new one (H9).
  public init(_ action: ChangeAction, of subscription: Subscription) {
    switch action {
    case .quantity(let quantity): self.init(field: "quantity", old: "\(subscription.quantity)", new: "\(quantity)")
    case .upgrade(let sku): self.init(field: "sku", old: subscription.sku, new: sku)
    case .term(let term): self.init(field: "term", old: subscription.term.rawValue, new: term.rawValue)
    case .billingCycle(let cycle):
      self.init(field: "billing cycle", old: subscription.billingCycle.rawValue, new: cycle.rawValue)
    case .autoRenew(let on): self.init(field: "auto-renew", old: "\(subscription.autoRenew)", new: "\(on)")
    case .cancel: self.init(field: "status", old: subscription.status.rawValue, new: "cancelled")
    }
  }
}
