import Foundation

extension SalesOrderPlanner {
  /// Plans a sales order scheduled for `executionDate` (S1-S3).
  ///
  /// The order executes at the start of that day, UTC; the plan's periods start then.
  /// Re-plan with ``plan(account:items:subscriptions:now:)`` when it executes: the catalog
  /// and the account may have changed meanwhile.
  /// - Throws: `invalidArgument` naming the date problem or every offending item; `failedPrecondition`
  ///   when the account may not schedule orders (S3).
  public func planScheduled(
    account: Account, items: [RequestedItem], subscriptions: [Subscription], executionDate: CivilDate, now: Date
  ) throws(DomainError) -> SalesOrderPlan {
    try UTCCalendar.requireFuture(executionDate, now: now, what: "the execution date")
    if account.kind == .reseller || account.resellerID != nil {
      throw .failedPrecondition(
        "orders of a standard reseller or its customers cannot be scheduled; place the order now instead")
    }
    var checked = try check(account: account, items: items, subscriptions: subscriptions)
    for (index, item) in checked.resolved {
      checked.problems += schedulingProblems(item, base: checked.bases[index]).map {
        ItemProblem(index: index, sku: item.product.sku, reason: $0)
      }
    }
    if let error = Self.error(for: checked.problems) { throw error }
    return try build(
      items: items, resolved: checked.resolved, bases: checked.bases, now: UTCCalendar.startOfDay(executionDate))
  }

  /// Why an item cannot be scheduled (S2); empty when it can.
  private func schedulingProblems(_ item: ResolvedItem, base: BaseSubscription?) -> [String] {
    var reasons: [String] = []
    if item.product.kind == .trial { reasons.append("a trial cannot be scheduled; order it now") }
    if case .existing(let id) = base {
      reasons.append("an add-on of an existing subscription (\(id)) cannot be scheduled; order it now")
    }
    if !item.product.autoProvisioned {
      reasons.append("\(item.product.name) is not provisioned automatically, so it cannot be scheduled")
    }
    return reasons
  }
}
