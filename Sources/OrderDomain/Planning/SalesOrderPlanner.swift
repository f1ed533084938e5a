import Foundation

/// Decides what a sales order contains and creates (C1, A1, S1-S3).
///
/// Pure: takes the catalog, the account's subscriptions and `now`, and returns a
/// ``SalesOrderPlan`` or one `invalidArgument` error naming every offending item.
public struct SalesOrderPlanner: Sendable {
  /// The organization's products by SKU.
  public var catalog: [String: Product]
  /// The organization's currency; the order's total is in it.
  public var currency: String

  public init(catalog: [Product], currency: String) {
    self.catalog = Dictionary(catalog.map { ($0.sku, $0) }, uniquingKeysWith: { first, _ in first })
    self.currency = currency
  }

  /// Plans a sales order for `account` that executes now.
  ///
  /// - Parameter subscriptions: the account's existing subscriptions (others are ignored).
  /// - Throws: `invalidArgument` listing each offending item and why.
  public func plan(
    account: Account, items: [RequestedItem], subscriptions: [Subscription], now: Date
  ) throws(DomainError) -> SalesOrderPlan {
    let checked = try check(account: account, items: items, subscriptions: subscriptions)
    if let error = Self.error(for: checked.problems) { throw error }
    return try build(items: items, resolved: checked.resolved, bases: checked.bases, now: now)
  }

  /// The SKUs whose subscriptions of the account a plan of `items` looks at: a trial's own
  /// SKU (a trial is bought once per account) and an add-on's base. The plan needs only the
  /// account's subscriptions of these SKUs, so a big account's order reads none of its other
  /// subscriptions (a plain purchase reads none at all).
  public func subscriptionSKUs(for items: [RequestedItem]) -> Set<String> {
    var skus: Set<String> = []
    for item in items {
      guard let product = self.catalog[item.sku] else { continue }
      if product.kind == .trial { skus.insert(item.sku) }
      if let base = product.addonOf { skus.insert(base) }
    }
    return skus
  }

  /// One `invalidArgument` error listing `problems`; `nil` when there are none.
  public static func error(for problems: [ItemProblem]) -> DomainError? {
    let sorted = problems.sorted { $0.index < $1.index }
    return DomainError.combining(
      .invalidArgument, summary: "the order cannot be placed:", sorted.map(\.description))
  }

  /// The items checked on their own and together, with every problem found.
  struct CheckedItems {
    var resolved: [Int: ResolvedItem] = [:]
    var bases: [Int: BaseSubscription] = [:]
    var problems: [ItemProblem] = []
  }

  func check(account: Account, items: [RequestedItem], subscriptions: [Subscription]) throws(DomainError)
    -> CheckedItems
  {
    guard !items.isEmpty else { throw .invalidArgument("an order needs at least one item") }
    let owned = subscriptions.filter { $0.accountID == account.id }
    var checked = CheckedItems()
    for (index, item) in items.enumerated() {
      switch resolve(item) {
      case .success(let value): checked.resolved[index] = value
      case .failure(let reasons):
        checked.problems += reasons.map { ItemProblem(index: index, sku: item.sku, reason: $0) }
      }
    }
    checked.problems += trialProblems(items: items, resolved: checked.resolved, owned: owned)
    for (index, item) in items.enumerated() {
      guard let value = checked.resolved[index], let baseSKU = value.product.addonOf else { continue }
      switch base(for: item, baseSKU: baseSKU, items: items, resolved: checked.resolved, owned: owned) {
      case .success(let base): checked.bases[index] = base
      case .failure(let reasons):
        checked.problems += reasons.map { ItemProblem(index: index, sku: item.sku, reason: $0) }
      }
    }
    return checked
  }
}
