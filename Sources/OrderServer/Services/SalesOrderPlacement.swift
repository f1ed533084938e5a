import Foundation
import OrderDomain
import OrderProtocol
import OrderStorage
import SwiftProtobuf

/// Placing a sales order: now (executed and provisioned at once), on a date (S1-S3:
/// validated now and again on the date), or as a dry run that prices it and changes nothing.
struct SalesOrderPlacement: Sendable {
  let accountID: AccountID
  let items: [RequestedItem]
  /// Items that would change existing subscriptions (never purchases, S2).
  let changeItems: [(index: Int, sku: String, subscriptionID: SubscriptionID)]
  let executionDate: CivilDate?
  let currency: String
  let principal: Principal
  let now: Date

  init(_ request: Orders_V1_PlaceOrderRequest, principal: Principal, currency: String, now: Date) throws {
    self.accountID = AccountID(request.accountID)
    var items: [RequestedItem] = []
    var changeItems: [(index: Int, sku: String, subscriptionID: SubscriptionID)] = []
    for (index, item) in request.items.enumerated() {
      if item.subscriptionID.isEmpty {
        items.append(try OrderService.requestedItem(item, index: index))
      } else {
        changeItems.append((index, item.sku, SubscriptionID(item.subscriptionID)))
      }
    }
    self.items = items
    self.changeItems = changeItems
    if request.scheduledFor.isEmpty {
      self.executionDate = nil
    } else {
      guard let date = CivilDate(iso8601: request.scheduledFor) else {
        throw DomainError.invalidArgument("scheduled date '\(request.scheduledFor)' is not a date like 2027-03-01")
      }
      self.executionDate = date
    }
    self.currency = currency
    self.principal = principal
    self.now = now
  }

  /// Plans the order against the organization's state in `tx`.
  func plan(_ tx: OrganizationTransaction) throws -> (Account, SalesOrderPlan) {
    let account = try tx.requireAccount(self.accountID)
    let planner = SalesOrderPlanner(catalog: try tx.products(), currency: self.currency)
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

  /// Places the order in `tx`: executed now, or scheduled with a job for its date.
  func place(_ tx: OrganizationTransaction) throws -> Orders_V1_Order {
    let (account, plan) = try self.plan(tx)
    guard let date = self.executionDate else {
      return try SalesOrderExecution(plan: plan, account: account, by: self.principal.agent, now: self.now).run(in: tx)
    }
    let executesAt = UTCCalendar.startOfDay(date)
    let order = try tx.createOrder(
      NewOrder(
        type: .sales, status: .scheduled, accountID: account.id, createdBy: self.principal.agent, lines: plan.lines,
        total: plan.total, scheduledFor: executesAt, reason: "scheduled for \(date)"),
      now: self.now)
    _ = try tx.enqueueJob(
      kind: JobKinds.executeScheduledOrder, subject: order.id.rawValue, dueAt: executesAt, now: self.now)
    return order.proto(history: try tx.statusHistory(of: order.id))
  }

  /// The order as it would be placed, changing nothing.
  func estimate(_ tx: OrganizationTransaction) throws -> Orders_V1_Order {
    let (account, plan) = try self.plan(tx)
    return .with {
      $0.type = .so
      $0.status = self.executionDate == nil ? "estimate" : "estimate (scheduled)"
      $0.accountID = account.id.rawValue
      $0.lines = plan.lines.map(\.proto)
      $0.total = plan.total.proto
      $0.createdBy = self.principal.agent.rawValue
      if let date = self.executionDate {
        $0.scheduledFor = Google_Protobuf_Timestamp(date: UTCCalendar.startOfDay(date))
      }
    }
  }
}
