import Foundation
import GRPCCore
import Logging
import OrderDomain
import OrderProtocol
import OrderStorage
import OrderWorkflows
import SwiftProtobuf

/// Sales orders placed now or on a date (O1: placing an order is always an `SO`), their
/// listing, retries and cancellations. The order, its status history, what it creates and
/// the idempotency record are written in one transaction.
struct OrderService: Orders_V1_OrderService.SimpleServiceProtocol {
  let deps: ServiceDependencies

  func placeOrder(request: Orders_V1_PlaceOrderRequest, context: ServerContext) async throws -> Orders_V1_Order {
    let call = try CallContext.required()
    let principal = call.principal
    let organization = try await self.deps.organization(call)
    let workflow = try PlaceOrder(request, currency: organization.currency, now: self.deps.clock.now())
    if request.dryRun {
      return try await self.deps.read(call) { scoped in try workflow.estimate(scoped).proto }
    }
    let order = try await self.deps.idempotentWrite(call, request: request, now: workflow.now, jobs: true) { scoped in
      try workflow.run(scoped).proto
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
    let requested = request.accountID.isEmpty ? nil : AccountID(request.accountID)
    var filter = OrderFilter()
    if !request.status.isEmpty { filter.statuses = [OrderStatus(request.status)] }
    // Scheduled orders are listed by when they execute (S5).
    if request.status == OrderStatus.scheduled.rawValue { filter.order = .executionDate }
    let base = filter
    let paging = ListPaging("ListOrders", filters: ["account_id": request.accountID, "status": request.status])
    let page = try paging.request(size: request.pageSize, token: request.pageToken)
    let orders = try await self.deps.read(call) { scoped in
      var query = base
      query.accountID = try scoped.scope(requested)
      return try scoped.orders(query, page: page)
    }
    return .with {
      $0.orders = orders.items.map { $0.proto() }
      $0.nextPageToken = paging.token(orders.next)
    }
  }

  func getOrder(request: Orders_V1_GetOrderRequest, context: ServerContext) async throws -> Orders_V1_Order {
    let call = try CallContext.required()
    let key = request.id
    return try await self.deps.read(call) { scoped in
      guard let order = try scoped.orderWithHistory(key) else { throw DomainError.notFound("order \(key) not found") }
      return order.proto
    }
  }

  func retryOrder(request: Orders_V1_RetryOrderRequest, context: ServerContext) async throws -> Orders_V1_Order {
    let call = try CallContext.required()
    let workflow = RetryOrder(
      key: request.id, currency: try await self.deps.organization(call).currency, now: self.deps.clock.now())
    return try await self.deps.idempotentWrite(call, request: request, now: workflow.now, jobs: true) { scoped in
      try workflow.run(scoped).proto
    }
  }

  func cancelOrder(request: Orders_V1_CancelOrderRequest, context: ServerContext) async throws -> Orders_V1_Order {
    let call = try CallContext.required()
    let workflow = CancelOrder(key: request.id, reason: request.reason, now: self.deps.clock.now())
    return try await self.deps.idempotentWrite(call, request: request, now: workflow.now, jobs: true) { scoped in
      try workflow.run(scoped).proto
    }
  }

  func getOrderFlow(request: Orders_V1_GetOrderFlowRequest, context: ServerContext) async throws -> Orders_V1_OrderFlow
  {
    guard let type = OrderType(request.type) else {
      throw DomainError.invalidArgument("name an order type: SO, RN, BO, CH, PO, CL, CF or RC")
    }
    return OrderFlow.of(type).proto
  }
}
