import Foundation

/// A requested item checked against its product.
struct ResolvedItem: Hashable, Sendable {
  var product: Product
  var quantity: Int
  var billingCycle: BillingCycle?
  var term: Term?
}

/// The outcome of checking an item: a value, or the reasons it was refused.
enum Checked<Value> {
  case success(Value)
  case failure([String])

  static func failure(_ reason: String) -> Self { .failure([reason]) }
}

extension SalesOrderPlanner {
  /// Checks one item on its own: the SKU exists, the quantity, cycle and term are allowed.
  func resolve(_ item: RequestedItem) -> Checked<ResolvedItem> {
    guard let product = catalog[item.sku] else {
      return .failure(["SKU \(item.sku) is not in the catalog"])
    }
    var reasons: [String] = []
    if item.quantity < product.minQuantity || item.quantity > product.maxQuantity {
      reasons.append(
        "quantity \(item.quantity) is outside the allowed range \(product.minQuantity)...\(product.maxQuantity)")
    }
    guard product.isRecurring else {
      if item.billingCycle != nil || item.term != nil {
        reasons.append("\(product.name) is sold once; it has no billing cycle or term")
      }
      return reasons.isEmpty ? .success(ResolvedItem(product: product, quantity: item.quantity)) : .failure(reasons)
    }
    let cycle = item.billingCycle ?? product.billingCycles.first
    if let cycle, !product.billingCycles.contains(cycle) {
      reasons.append(
        "billing cycle \(cycle.rawValue) is not offered; choose one of \(Self.list(product.billingCycles))")
    }
    let term = item.term ?? product.terms.first { $0.months >= (cycle?.months ?? 1) } ?? product.terms.first
    if let term, !product.terms.contains(term) {
      reasons.append("term \(term.rawValue) is not offered; choose one of \(Self.list(product.terms))")
    }
    if let cycle, let term, cycle.months > term.months {
      reasons.append("billing cycle \(cycle.rawValue) is longer than the term \(term.rawValue)")
    }
    if cycle == nil || term == nil { reasons.append("the product has no billing cycle or term configured") }
    guard reasons.isEmpty else { return .failure(reasons) }
    return .success(ResolvedItem(product: product, quantity: item.quantity, billingCycle: cycle, term: term))
  }

  /// A trial may be bought once per account, and not twice in one order.
  func trialProblems(items: [RequestedItem], resolved: [Int: ResolvedItem], owned: [Subscription]) -> [ItemProblem] {
    var problems: [ItemProblem] = []
    var seen: Set<String> = []
    for (index, item) in items.enumerated() where resolved[index]?.product.kind == .trial {
      if owned.contains(where: { $0.sku == item.sku }) {
        problems.append(ItemProblem(index: index, sku: item.sku, reason: "the account has already used this trial"))
      } else if !seen.insert(item.sku).inserted {
        problems.append(ItemProblem(index: index, sku: item.sku, reason: "a trial can be ordered only once"))
      }
    }
    return problems
  }

  /// Finds the base of an add-on: in the same order first, else the account's active subscription.
  func base(
    for item: RequestedItem, baseSKU: String, items: [RequestedItem], resolved: [Int: ResolvedItem],
    owned: [Subscription]
  ) -> Checked<BaseSubscription> {
    let activeBases = owned.filter { $0.sku == baseSKU && $0.status == .active }
    if let wanted = item.baseSubscriptionID {
      guard activeBases.contains(where: { $0.id == wanted }) else {
        return .failure("subscription \(wanted) is not an active \(baseSKU) subscription of this account")
      }
      return .success(.existing(wanted))
    }
    if let index = items.indices.first(where: { items[$0].sku == baseSKU && resolved[$0] != nil }) {
      return .success(.sameOrder(itemIndex: index))
    }
    switch activeBases.count {
    case 0:
      return .failure("an add-on needs its base \(baseSKU) in the same order or an active \(baseSKU) subscription")
    case 1:
      return .success(.existing(activeBases[0].id))
    default:
      let ids = activeBases.map(\.id.rawValue).joined(separator: ", ")
      return .failure("the account has several \(baseSKU) subscriptions (\(ids)); name the base subscription")
    }
  }

  static func list<T: RawRepresentable>(_ values: [T]) -> String where T.RawValue == String {
    values.map(\.rawValue).joined(separator: ", ")
  }
}
