import GRPCCore
import OrderProtocol

// KeyService: API keys of the caller's organization (T3). Admin only.
extension OrderdClient {
  /// Issues an API key; its secret is returned once.
  ///
  /// Pass `idempotencyKey` to make the call idempotent beyond this process; otherwise
  /// a random key is drawn for this call and reused by its retries.
  public func createKey(
    _ request: Orders_V1_CreateKeyRequest,
    idempotencyKey: IdempotencyKey? = nil,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_IssuedKey {
    let stub = Orders_V1_KeyService.Client(wrapping: self.grpc)
    return try await self.perform(.mutating(idempotencyKey), timeout: timeout) { metadata, options in
      try await stub.createKey(request, metadata: metadata, options: options)
    }
  }

  /// Revokes an API key; calls with it are refused from then on.
  ///
  /// Pass `idempotencyKey` to make the call idempotent beyond this process; otherwise
  /// a random key is drawn for this call and reused by its retries.
  public func revokeKey(
    _ request: Orders_V1_RevokeKeyRequest,
    idempotencyKey: IdempotencyKey? = nil,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_ApiKey {
    let stub = Orders_V1_KeyService.Client(wrapping: self.grpc)
    return try await self.perform(.mutating(idempotencyKey), timeout: timeout) { metadata, options in
      try await stub.revokeKey(request, metadata: metadata, options: options)
    }
  }

  /// The organization's keys, without secrets.
  public func listKeys(
    _ request: Orders_V1_ListKeysRequest = Orders_V1_ListKeysRequest(),
    timeout: Duration? = nil
  ) async throws -> Orders_V1_ListKeysResponse {
    let stub = Orders_V1_KeyService.Client(wrapping: self.grpc)
    return try await self.perform(.read, timeout: timeout) { metadata, options in
      try await stub.listKeys(request, metadata: metadata, options: options)
    }
  }
}
