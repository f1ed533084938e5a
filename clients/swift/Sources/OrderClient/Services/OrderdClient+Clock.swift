import GRPCCore
import OrderProtocol

// ClockService: The server's clock (F6).
extension OrderdClient {
  /// The server's current time and whether it is simulated.
  public func getClock(
    _ request: Orders_V1_GetClockRequest = Orders_V1_GetClockRequest(),
    timeout: Duration? = nil
  ) async throws -> Orders_V1_ClockState {
    let stub = Orders_V1_ClockService.Client(wrapping: self.grpc)
    return try await self.perform(.read, timeout: timeout) { metadata, options in
      try await stub.getClock(request, metadata: metadata, options: options)
    }
  }

  /// Moves a simulated clock forward, running everything that came due. Root admins only.
  ///
  /// Pass `idempotencyKey` to make the call idempotent beyond this process; otherwise
  /// a random key is drawn for this call and reused by its retries.
  public func advanceClock(
    _ request: Orders_V1_AdvanceClockRequest,
    idempotencyKey: IdempotencyKey? = nil,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_ClockState {
    let stub = Orders_V1_ClockService.Client(wrapping: self.grpc)
    return try await self.perform(.mutating(idempotencyKey), timeout: timeout) { metadata, options in
      try await stub.advanceClock(request, metadata: metadata, options: options)
    }
  }
}
