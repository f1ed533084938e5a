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
    let accountID = AccountID(request.accountID)
    try principal.requireVisible(accountID: accountID)
    let items = try request.items.enumerated().map { index, item in try Self.requestedItem(item, index: index) }
    guard let organization = try await self.deps.registry.organization(id: principal.organizationID) else {
      throw RPCError(code: .notFound, message: "organization \(principal.organizationID) not found")
    }
    let now = self.deps.clock.now()
    let order = try await self.deps.idempotentWrite(call, request: request, now: now) { tx in
      let account = try tx.requireAccount(accountID)
      let planner = SalesOrderPlanner(catalog: try tx.products(), currency: organization.currency)
      let plan = try planner.plan(
        account: account, items: items, subscriptions: try tx.subscriptions(accountID: accountID), now: now)
      let execution = SalesOrderExecution(plan: plan, account: account, by: principal.agent, now: now)
      return try execution.run(in: tx)
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
    let query = filter
    let orders = try await self.deps.read(call) { tx in try tx.orders(query) }
    return .with { $0.orders = orders.map { $0.proto() } }
  }

  func getOrder(request: Orders_V1_GetOrderRequest, context: ServerContext) async throws -> Orders_V1_Order {
    let call = try CallContext.required()
    let principal = call.principal
    let key = request.id
    let found = try await self.deps.read(call) { tx -> (Order, [OrderStatusChange])? in
      guard let order = try tx.order(OrderID(key)) ?? tx.order(number: OrderNumber(key)) else { return nil }
      return (order, try tx.statusHistory(of: order.id))
    }
    guard let (order, history) = found, principal.canSee(accountID: order.accountID) else {
      throw RPCError(code: .notFound, message: "order \(key) not found")
    }
    return order.proto(history: history)
  }

  static func requestedItem(_ item: Orders_V1_OrderItem, index: Int) throws -> RequestedItem {
    let cycle = item.billingCycle == .unspecified ? nil : BillingCycle(item.billingCycle)
    let term = item.term == .unspecified ? nil : Term(item.term)
    if item.billingCycle != .unspecified, cycle == nil {
      throw RPCError(code: .invalidArgument, message: "item \(index + 1) (SKU \(item.sku)): unknown billing cycle")
    }
    if item.term != .unspecified, term == nil {
      throw RPCError(code: .invalidArgument, message: "item \(index + 1) (SKU \(item.sku)): unknown term")
    }
    return RequestedItem(
      sku: item.sku, quantity: item.quantity == 0 ? 1 : Int(item.quantity), billingCycle: cycle, term: term)
  }
}
