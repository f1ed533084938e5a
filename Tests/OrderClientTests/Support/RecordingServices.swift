import GRPCCore
import OrderProtocol
import Synchronization

/// What a fake service saw of each attempt: the idempotency and authorization metadata.
struct SeenAttempt: Sendable, Equatable {
  var idempotencyKey: String?
  var authorization: String?

  init(_ metadata: Metadata) {
    self.idempotencyKey = metadata[stringValues: MetadataKeys.idempotencyKey].first(where: { _ in true })
    self.authorization = metadata[stringValues: MetadataKeys.authorization].first(where: { _ in true })
  }
}

/// A clock service that answers `UNAVAILABLE` to the first `failures` attempts of each call
/// kind, or always fails with `error` when it is set.
final class FlakyClockService: Orders_V1_ClockService.ServiceProtocol {
  let failures: Int
  let error: RPCError?
  let attempts = Mutex<[SeenAttempt]>([])

  init(failures: Int = 0, error: RPCError? = nil) {
    self.failures = failures
    self.error = error
  }

  func getClock(
    request: ServerRequest<Orders_V1_GetClockRequest>,
    context: ServerContext
  ) async throws -> ServerResponse<Orders_V1_ClockState> {
    try self.attempt(request.metadata)
    return ServerResponse(message: Orders_V1_ClockState())
  }

  func advanceClock(
    request: ServerRequest<Orders_V1_AdvanceClockRequest>,
    context: ServerContext
  ) async throws -> ServerResponse<Orders_V1_ClockState> {
    try self.attempt(request.metadata)
    var state = Orders_V1_ClockState()
    state.simulated = true
    return ServerResponse(message: state)
  }

  /// The attempts so far.
  var seen: [SeenAttempt] { self.attempts.withLock { $0 } }

  private func attempt(_ metadata: Metadata) throws {
    let number = self.attempts.withLock { attempts in
      attempts.append(SeenAttempt(metadata))
      return attempts.count
    }
    if let error = self.error { throw error }
    if number <= self.failures { throw RPCError(code: .unavailable, message: "not yet") }
  }
}

/// An order service that, like orderd, stores each idempotency key's outcome, and loses the
/// answer of the first attempt of every key (as a dropped connection would).
final class AnswerLosingOrderService: Orders_V1_OrderService.SimpleServiceProtocol {
  struct State {
    var ordersByKey: [String: Orders_V1_Order] = [:]
    var ordersCreated = 0
    var attempts: [SeenAttempt] = []
  }
  let state = Mutex(State())

  /// The state so far.
  var snapshot: State { self.state.withLock { $0 } }

  func placeOrder(request: Orders_V1_PlaceOrderRequest, context: ServerContext) async throws -> Orders_V1_Order {
    throw RPCError(code: .unimplemented, message: "needs metadata")
  }

  func listOrders(request: Orders_V1_ListOrdersRequest, context: ServerContext) async throws
    -> Orders_V1_ListOrdersResponse
  {
    Orders_V1_ListOrdersResponse()
  }

  func getOrder(request: Orders_V1_GetOrderRequest, context: ServerContext) async throws -> Orders_V1_Order {
    throw RPCError(code: .notFound, message: "no order \(request.id)")
  }

  func retryOrder(request: Orders_V1_RetryOrderRequest, context: ServerContext) async throws -> Orders_V1_Order {
    throw RPCError(code: .unimplemented, message: "not part of this fake")
  }

  func cancelOrder(request: Orders_V1_CancelOrderRequest, context: ServerContext) async throws -> Orders_V1_Order {
    throw RPCError(code: .unimplemented, message: "not part of this fake")
  }

  func getOrderFlow(request: Orders_V1_GetOrderFlowRequest, context: ServerContext) async throws -> Orders_V1_OrderFlow
  {
    throw RPCError(code: .unimplemented, message: "not part of this fake")
  }
}

extension AnswerLosingOrderService: Orders_V1_OrderService.ServiceProtocol {
  func placeOrder(
    request: ServerRequest<Orders_V1_PlaceOrderRequest>,
    context: ServerContext
  ) async throws -> ServerResponse<Orders_V1_Order> {
    let seen = SeenAttempt(request.metadata)
    let outcome: Result<Orders_V1_Order, RPCError> = self.state.withLock { state in
      state.attempts.append(seen)
      guard let key = seen.idempotencyKey else {
        return .failure(RPCError(code: .invalidArgument, message: "no idempotency-key"))
      }
      if let stored = state.ordersByKey[key] { return .success(stored) }
      state.ordersCreated += 1
      var order = Orders_V1_Order()
      order.number = "SO-\(state.ordersCreated)"
      order.accountID = request.message.accountID
      state.ordersByKey[key] = order
      return .failure(RPCError(code: .unavailable, message: "connection dropped before the answer"))
    }
    return ServerResponse(message: try outcome.get())
  }
}
