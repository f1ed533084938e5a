import Foundation

/// Decides what a sales order that executes now contains and creates (C1, A1).
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

  /// Plans a sales order for `account`.
  ///
  /// - Parameter subscriptions: the account's existing subscriptions (others are ignored).
  /// - Throws: `invalidArgument` listing each offending item and why.
  public func plan(
    account: Account, items: [RequestedItem], subscriptions: [Subscription], now: Date
  ) throws(DomainError) -> SalesOrderPlan {
    guard !items.isEmpty else { throw .invalidArgument("an order needs at least one item") }
    let owned = subscriptions.filter { $0.accountID == account.id }
    var problems: [ItemProblem] = []
    var resolved: [Int: ResolvedItem] = [:]
    for (index, item) in items.enumerated() {
      switch resolve(item) {
      case .success(let value): resolved[index] = value
      case .failure(let reasons): problems += reasons.map { ItemProblem(index: index, sku: item.sku, reason: $0) }
      }
    }
    problems += trialProblems(items: items, resolved: resolved, owned: owned)
    var bases: [Int: BaseSubscription] = [:]
    for (index, item) in items.enumerated() {
      guard let value = resolved[index], let baseSKU = value.product.addonOf else { continue }
      switch base(for: item, baseSKU: baseSKU, items: items, resolved: resolved, owned: owned) {
      case .success(let base): bases[index] = base
      case .failure(let reasons): problems += reasons.map { ItemProblem(index: index, sku: item.sku, reason: $0) }
      }
    }
    if let error = Self.error(for: problems) { throw error }
    return try build(items: items, resolved: resolved, bases: bases, now: now)
  }

  /// One `invalidArgument` error listing `problems`; `nil` when there are none.
  public static func error(for problems: [ItemProblem]) -> DomainError? {
    let sorted = problems.sorted { $0.index < $1.index }
    return DomainError.combining(
      .invalidArgument, summary: "the order cannot be placed:", sorted.map(\.description))
  }
}
