import GRPCCore
import OrderProtocol

// OrderService: Orders (O-rules).
extension OrderdClient {
  /// Places a sales order (SO) for an account, now or scheduled for a date (S1), or only
  /// estimates it (`dry_run`).
  ///
  /// Pass `idempotencyKey` to make the call idempotent beyond this process; otherwise
  /// a random key is drawn for this call and reused by its retries.
  public func placeOrder(
    _ request: Orders_V1_PlaceOrderRequest,
    idempotencyKey: IdempotencyKey? = nil,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_Order {
    let stub = Orders_V1_OrderService.Client(wrapping: self.grpc)
    return try await self.perform(.mutating(idempotencyKey), timeout: timeout) { metadata, options in
      try await stub.placeOrder(request, metadata: metadata, options: options)
    }
  }

  /// Orders, optionally filtered by account and status.
  public func listOrders(
    _ request: Orders_V1_ListOrdersRequest = Orders_V1_ListOrdersRequest(),
    timeout: Duration? = nil
  ) async throws -> Orders_V1_ListOrdersResponse {
    let stub = Orders_V1_OrderService.Client(wrapping: self.grpc)
    return try await self.perform(.read, timeout: timeout) { metadata, options in
      try await stub.listOrders(request, metadata: metadata, options: options)
    }
  }

  /// One order, by id or number (`SO-000042`).
  public func getOrder(
    _ request: Orders_V1_GetOrderRequest,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_Order {
    let stub = Orders_V1_OrderService.Client(wrapping: self.grpc)
    return try await self.perform(.read, timeout: timeout) { metadata, options in
      try await stub.getOrder(request, metadata: metadata, options: options)
    }
  }

  /// Retries a stalled order; only from a stall of the order's flow (admin).
  ///
  /// Pass `idempotencyKey` to make the call idempotent beyond this process; otherwise
  /// a random key is drawn for this call and reused by its retries.
  public func retryOrder(
    _ request: Orders_V1_RetryOrderRequest,
    idempotencyKey: IdempotencyKey? = nil,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_Order {
    let stub = Orders_V1_OrderService.Client(wrapping: self.grpc)
    return try await self.perform(.mutating(idempotencyKey), timeout: timeout) { metadata, options in
      try await stub.retryOrder(request, metadata: metadata, options: options)
    }
  }

  /// Cancels an order that has not executed or is stalled, with a reason.
  ///
  /// Pass `idempotencyKey` to make the call idempotent beyond this process; otherwise
  /// a random key is drawn for this call and reused by its retries.
  public func cancelOrder(
    _ request: Orders_V1_CancelOrderRequest,
    idempotencyKey: IdempotencyKey? = nil,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_Order {
    let stub = Orders_V1_OrderService.Client(wrapping: self.grpc)
    return try await self.perform(.mutating(idempotencyKey), timeout: timeout) { metadata, options in
      try await stub.cancelOrder(request, metadata: metadata, options: options)
    }
  }

  /// The flow of an order type: statuses, transitions, stalls and final statuses (O2).
  public func getOrderFlow(
    _ request: Orders_V1_GetOrderFlowRequest,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_OrderFlow {
    let stub = Orders_V1_OrderService.Client(wrapping: self.grpc)
    return try await self.perform(.read, timeout: timeout) { metadata, options in
      try await stub.getOrderFlow(request, metadata: metadata, options: options)
    }
  }
}
