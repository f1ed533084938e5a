/// One action of a change to an existing subscription (H1, C1). Several may be combined
/// in one order, except ``cancel``.
public enum ChangeAction: Hashable, Sendable, Codable, CustomStringConvertible {
  /// Set the quantity (an increase or a decrease); for an add-on, its own quantity (F4).
  case quantity(Int)
  /// Move to another SKU the product may be upgraded to (or down to, when cheaper).
  case upgrade(sku: String)
  /// A new commitment term, starting now.
  case term(Term)
  /// A new billing cycle; a new billing period starts now.
  case billingCycle(BillingCycle)
  /// Turn auto-renew ("Renews On") on or off; a setting, not an order (H3).
  case autoRenew(Bool)
  /// Cancel the subscription (and its add-ons) now.
  case cancel

  /// The kind of action, to find duplicates: `quantity`, `upgrade`, `term`...
  public var kind: String {
    switch self {
    case .quantity: "quantity"
    case .upgrade: "upgrade"
    case .term: "term"
    case .billingCycle: "billingCycle"
    case .autoRenew: "autoRenew"
    case .cancel: "cancel"
    }
  }

  /// E.g. `quantity 8`, `upgrade to O365-E5`, `cancel`.
  public var description: String {
    switch self {
    case .quantity(let quantity): "quantity \(quantity)"
    case .upgrade(let sku): "upgrade to \(sku)"
    case .term(let term): "term \(term.rawValue)"
    case .billingCycle(let cycle): "billing cycle \(cycle.rawValue)"
    case .autoRenew(let on): "auto-renew \(on ? "on" : "off")"
    case .cancel: "cancel"
    }
  }
}

/// One changed field, with its old and new values (H9, notifications).
public struct ChangeDetail: Hashable, Sendable, CustomStringConvertible {
  public var field: String
  public var old: String
  public var new: String

  public init(field: String, old: String, new: String) {
    self.field = field
    self.old = old
    self.new = new
  }

  /// E.g. `quantity 5 -> 8`.
  public var description: String { "\(field) \(old) -> \(new)" }
}
