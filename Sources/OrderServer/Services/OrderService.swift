import Foundation
import GRPCCore
import Logging
import OrderDomain
import OrderProtocol
import OrderStorage
import SwiftProtobuf

/// Sales orders placed now (O1: placing an order is always an `SO`). The order, its status
/// history, what it creates and the idempotency record are written in one transaction.
struct OrderService: Orders_V1_OrderService.SimpleServiceProtocol {
  let deps: ServiceDependencies

  func placeOrder(request: Orders_V1_PlaceOrderRequest, context: ServerContext) async throws -> Orders_V1_Order {
    let call = try CallContext.required()
    let principal = call.principal
    try principal.requireVisible(accountID: AccountID(request.accountID))
    let organization = try await self.deps.organization(call)
    let now = self.deps.clock.now()
    let placement = try SalesOrderPlacement(request, principal: principal, currency: organization.currency, now: now)
    if request.dryRun {
      return try await self.deps.read(call) { tx in try placement.estimate(tx) }
    }
    let order = try await self.deps.idempotentWrite(call, request: request, now: now, jobs: true) { tx in
      try placement.place(tx)
    }
    self.deps.logger.info(
      "order placed",
      metadata: ["org": "\(principal.organizationID)", "order": "\(order.number)", "status": "\(order.status)"])
    return order
  }

  func listOrders(request: Orders_V1_ListOrdersRequest, context: ServerContext) async throws
    -> Orders_V1_ListOrdersResponse
  {
    let call = try CallContext.required()
    let principal = call.principal
    var filter = OrderFilter()
    if !request.accountID.isEmpty {
      let id = AccountID(request.accountID)
      try principal.requireVisible(accountID: id)
      filter.accountID = id
    } else if principal.role == .storefront {
      filter.accountID = principal.accountID
    }
    if !request.status.isEmpty { filter.statuses = [OrderStatus(request.status)] }
    // Scheduled orders are listed by when they execute (S5).
    if request.status == OrderStatus.scheduled.rawValue { filter.order = .executionDate }
    let query = filter
    let orders = try await self.deps.read(call) { tx in try tx.orders(query) }
    return .with { $0.orders = orders.map { $0.proto() } }
  }

  func getOrder(request: Orders_V1_GetOrderRequest, context: ServerContext) async throws -> Orders_V1_Order {
    let call = try CallContext.required()
    let principal = call.principal
    let key = request.id
    return try await self.deps.read(call) { tx in
      let order = try Self.find(key, tx, principal)
      return order.proto(history: try tx.statusHistory(of: order.id))
    }
  }

  func retryOrder(request: Orders_V1_RetryOrderRequest, context: ServerContext) async throws -> Orders_V1_Order {
    let call = try CallContext.required()
    let agent = call.principal.agent
    let now = self.deps.clock.now()
    let currency = try await self.deps.organization(call).currency
    let key = request.id
    return try await self.deps.idempotentWrite(call, request: request, now: now, jobs: true) { tx in
      let order = try Self.find(key, tx, call.principal)
      let retried = try tx.apply(.retry, to: order.id, reason: "retried by \(agent)", by: agent, now: now)
      let attempt = try ProvisionJob.attempt(of: retried, tx)
      let settled: Order
      switch retried.type {
      case .sales:
        var provisioning = OrderProvisioning(tx: tx, now: now)
        for asset in try provisioning.assets(of: retried) where asset.syncStatus == .failed {
          try provisioning.sync(asset)
        }
        settled = try provisioning.settle(retried, attempt: attempt)
      case .change, .cancellation, .cancellationCharge, .resource:
        settled = try ChangeExecution(tx: tx, now: now, currency: currency).run(retried, attempt: attempt).order
      default:
        settled = try tx.transition(retried.id, to: .completed, reason: "retried", by: .system, now: now)
      }
      return settled.proto(history: try tx.statusHistory(of: settled.id))
    }
  }

  func cancelOrder(request: Orders_V1_CancelOrderRequest, context: ServerContext) async throws -> Orders_V1_Order {
    let call = try CallContext.required()
    let principal = call.principal
    let now = self.deps.clock.now()
    let reason = request.reason.trimmingCharacters(in: .whitespaces)
    guard !reason.isEmpty else {
      throw DomainError.invalidArgument("say why the order is cancelled: the reason is empty")
    }
    let key = request.id
    return try await self.deps.idempotentWrite(call, request: request, now: now, jobs: true) { tx in
      let order = try Self.find(key, tx, principal)
      // Storefront users may withdraw their own orders that have not started; stalls are
      // resolved by admins.
      if !principal.isAdmin, order.status != .scheduled {
        throw DomainError.permissionDenied(
          "order \(order.number) is \(order.status): only an admin can cancel it; storefront users cancel scheduled orders"
        )
      }
      if order.status == .provisionFinished, try tx.scheduling(of: order.id)?.timing == .onRenewal {
        throw DomainError.failedPrecondition(
          "order \(order.number) is an On Renewal change: replace it with a new On Renewal change (H5)")
      }
      let cancelled = try tx.apply(.cancel, to: order.id, reason: reason, by: principal.agent, now: now)
      if cancelled.type == .sales { try Self.withdraw(cancelled, tx) }
      return cancelled.proto(history: try tx.statusHistory(of: cancelled.id))
    }
  }

  func getOrderFlow(request: Orders_V1_GetOrderFlowRequest, context: ServerContext) async throws -> Orders_V1_OrderFlow
  {
    guard let type = OrderType(request.type) else {
      throw DomainError.invalidArgument("name an order type: SO, RN, BO, CH, PO, CL, CF or RC")
    }
    return OrderFlow.of(type).proto
  }

  /// The order with this id or number, if the caller may see it.
  static func find(_ key: String, _ tx: OrganizationTransaction, _ principal: Principal) throws -> Order {
    guard let order = try tx.order(OrderID(key)) ?? tx.order(number: OrderNumber(key)),
      principal.canSee(accountID: order.accountID)
    else { throw DomainError.notFound("order \(key) not found") }
    return order
  }

  /// A cancelled sales order takes back what it created and never provisioned.
  static func withdraw(_ order: Order, _ tx: OrganizationTransaction) throws {
    for var subscription in try tx.subscriptions(orderID: order.id) {
      subscription.status = .cancelled
      try tx.updateSubscription(subscription)
    }
    for var asset in try tx.assets(orderID: order.id) {
      asset.status = .cancelled
      try tx.updateAsset(asset)
    }
  }

  static func requestedItem(_ item: Orders_V1_OrderItem, index: Int) throws -> RequestedItem {
    let cycle = item.billingCycle == .unspecified ? nil : BillingCycle(item.billingCycle)
    let term = item.term == .unspecified ? nil : Term(item.term)
    if item.billingCycle != .unspecified, cycle == nil {
      throw DomainError.invalidArgument("item \(index + 1) (SKU \(item.sku)): unknown billing cycle")
    }
    if item.term != .unspecified, term == nil {
      throw DomainError.invalidArgument("item \(index + 1) (SKU \(item.sku)): unknown term")
    }
    return RequestedItem(
      sku: item.sku, quantity: item.quantity == 0 ? 1 : Int(item.quantity), billingCycle: cycle, term: term)
  }
}
