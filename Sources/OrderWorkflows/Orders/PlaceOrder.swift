import Foundation
import OrderDomain
import OrderStorage

/// Placing a sales order (O1): now (executed and provisioned at once), on a date (S1-S3:
/// validated now and again on the date), or as an estimate that prices it and changes nothing.
public struct PlaceOrder: Sendable {
  /// An item that names an existing subscription: never a purchase (S2).
  public struct ChangeItem: Sendable {
    /// Its position in the request, from 0.
    public var index: Int
    public var sku: String
    public var subscriptionID: SubscriptionID

    public init(index: Int, sku: String, subscriptionID: SubscriptionID) {
      self.index = index
      self.sku = sku
      self.subscriptionID = subscriptionID
    }
  }

  public var accountID: AccountID
  public var items: [RequestedItem]
  public var changeItems: [ChangeItem]
  /// The date to execute on (S1), or nil for now.
  public var executionDate: CivilDate?
  public var currency: String
  public var now: Date

  public init(
    accountID: AccountID, items: [RequestedItem], changeItems: [ChangeItem], executionDate: CivilDate?,
    currency: String, now: Date
  ) {
    self.accountID = accountID
    self.items = items
    self.changeItems = changeItems
    self.executionDate = executionDate
    self.currency = currency
    self.now = now
  }

  /// Places the order: executed now, or scheduled with a job for its date.
  public func run(_ scoped: ScopedTransaction) throws -> OrderWithHistory {
    let (account, plan) = try self.plan(scoped)
    let tx = scoped.tx
    guard let date = self.executionDate else {
      let order = try SalesOrderExecution(plan: plan, account: account, by: scoped.principal.agent, now: self.now)
        .run(in: tx)
      return try OrderWithHistory(order, tx: tx)
    }
    let executesAt = UTCCalendar.startOfDay(date)
    let order = try tx.notifying.createOrder(
      NewOrder(
        type: .sales, status: .scheduled, accountID: account.id, createdBy: scoped.principal.agent,
        lines: plan.lines, total: plan.total, scheduledFor: executesAt, reason: "scheduled for \(date)"),
      now: self.now)
    try tx.enqueueJob(.executeScheduledOrder, subject: order.id.rawValue, dueAt: executesAt, now: self.now)
    return try OrderWithHistory(order, tx: tx)
  }

  /// The order as it would be placed, changing nothing.
  public func estimate(_ scoped: ScopedTransaction) throws -> OrderEstimate {
    let (account, plan) = try self.plan(scoped)
    return OrderEstimate(
      type: .sales, accountID: account.id, subscriptionID: nil, lines: plan.lines, total: plan.total,
      createdBy: scoped.principal.agent, executesAt: self.executionDate.map(UTCCalendar.startOfDay))
  }

  /// Plans the order against the organization's state.
  func plan(_ scoped: ScopedTransaction) throws -> (Account, SalesOrderPlan) {
    let account = try scoped.requireAccount(self.accountID)
    let tx = scoped.tx
    let planner = SalesOrderPlanner(catalog: try tx.products(skus: self.items.map(\.sku)), currency: self.currency)
    let subscriptions = try tx.subscriptions(
      accountID: self.accountID, skus: planner.subscriptionSKUs(for: self.items))
    guard let date = self.executionDate else {
      guard self.changeItems.isEmpty else {
        let numbers = self.changeItems.map { "item \($0.index + 1) (\($0.subscriptionID))" }.joined(separator: ", ")
        throw DomainError.invalidArgument(
          "\(numbers) changes an existing subscription: use a change order (ChangeSubscription)")
      }
      return (
        account, try planner.plan(account: account, items: self.items, subscriptions: subscriptions, now: self.now)
      )
    }
    let horizon = try tx.settings().scheduleHorizonDays
    let latest = UTCCalendar.civilDate(of: self.now).adding(days: horizon)
    guard date <= latest else {
      throw DomainError.invalidArgument(
        "\(date) is beyond this organization's scheduling horizon of \(horizon) days; choose \(latest) or earlier")
    }
    let problems = try ScheduledSalesOrders.changeItemProblems(self.changeItems, tx: tx, account: self.accountID)
    if self.items.isEmpty, let error = SalesOrderPlanner.error(for: problems) { throw error }
    let scheduled = Result { () throws(DomainError) -> SalesOrderPlan in
      try planner.planScheduled(
        account: account, items: self.items, subscriptions: subscriptions, executionDate: date, now: self.now)
    }
    switch scheduled {
    case .success(let plan):
      if let error = SalesOrderPlanner.error(for: problems) { throw error }
      return (account, plan)
    case .failure(let error):
      // The planner's own per-item reasons join those of the change items in one refusal.
      guard error.code == .invalidArgument, !problems.isEmpty else { throw error }
      let reasons = problems.sorted { $0.index < $1.index }.map(\.description) + [error.message]
      throw DomainError.combining(.invalidArgument, summary: "the order cannot be scheduled:", reasons) ?? error
    }
  }
}

/// An order as it would be placed: priced, not recorded.
public struct OrderEstimate: Sendable {
  public var type: OrderType
  public var accountID: AccountID
  public var subscriptionID: SubscriptionID?
  public var lines: [OrderLine]
  public var total: Money
  public var createdBy: Agent?
  /// When a scheduled order would execute.
  public var executesAt: Date?
}
