import GRPCCore
import OrderProtocol

// BackorderService: a tenant's executed changes as received by its parent (B2-B4).
extension OrderdClient {
  /// The backorders this organization received, optionally only those with `status`
  /// (`applied`, `stalled`, `waiting`).
  public func listBackorders(
    status: String = "",
    timeout: Duration? = nil
  ) async throws -> Orders_V1_ListBackordersResponse {
    let stub = Orders_V1_BackorderService.Client(wrapping: self.grpc)
    var request = Orders_V1_ListBackordersRequest()
    request.status = status
    return try await self.perform(.read, timeout: timeout) { [request] metadata, options in
      try await stub.listBackorders(request, metadata: metadata, options: options)
    }
  }

  /// One backorder, by id (`BKO-000001`).
  public func getBackorder(_ id: String, timeout: Duration? = nil) async throws -> Orders_V1_Backorder {
    let stub = Orders_V1_BackorderService.Client(wrapping: self.grpc)
    var request = Orders_V1_GetBackorderRequest()
    request.id = id
    return try await self.perform(.read, timeout: timeout) { [request] metadata, options in
      try await stub.getBackorder(request, metadata: metadata, options: options)
    }
  }

  /// Applies a stalled backorder again, after its cause was fixed (B3; admin).
  ///
  /// Pass `idempotencyKey` to make the call idempotent beyond this process; otherwise
  /// a random key is drawn for this call and reused by its retries.
  public func retryBackorder(
    _ id: String,
    idempotencyKey: IdempotencyKey? = nil,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_Backorder {
    let stub = Orders_V1_BackorderService.Client(wrapping: self.grpc)
    var request = Orders_V1_RetryBackorderRequest()
    request.id = id
    return try await self.perform(.mutating(idempotencyKey), timeout: timeout) { [request] metadata, options in
      try await stub.retryBackorder(request, metadata: metadata, options: options)
    }
  }
}

extension OrderdClient {
  /// One page of the backorders this organization received (PROTOCOL.md, "Paging").
  public func listBackorders(
    _ request: Orders_V1_ListBackordersRequest,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_ListBackordersResponse {
    let stub = Orders_V1_BackorderService.Client(wrapping: self.grpc)
    return try await self.perform(.read, timeout: timeout) { metadata, options in
      try await stub.listBackorders(request, metadata: metadata, options: options)
    }
  }
}
