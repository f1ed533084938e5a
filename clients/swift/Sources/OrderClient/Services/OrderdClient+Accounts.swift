import GRPCCore
import OrderProtocol

// AccountService: Customer and standard-reseller accounts of the caller's organization (T5).
extension OrderdClient {
  /// Creates a customer or standard-reseller account.
  ///
  /// Pass `idempotencyKey` to make the call idempotent beyond this process; otherwise
  /// a random key is drawn for this call and reused by its retries.
  public func createAccount(
    _ request: Orders_V1_CreateAccountRequest,
    idempotencyKey: IdempotencyKey? = nil,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_Account {
    let stub = Orders_V1_AccountService.Client(wrapping: self.grpc)
    return try await self.perform(.mutating(idempotencyKey), timeout: timeout) { metadata, options in
      try await stub.createAccount(request, metadata: metadata, options: options)
    }
  }

  /// The organization's accounts.
  public func listAccounts(
    _ request: Orders_V1_ListAccountsRequest = Orders_V1_ListAccountsRequest(),
    timeout: Duration? = nil
  ) async throws -> Orders_V1_ListAccountsResponse {
    let stub = Orders_V1_AccountService.Client(wrapping: self.grpc)
    return try await self.perform(.read, timeout: timeout) { metadata, options in
      try await stub.listAccounts(request, metadata: metadata, options: options)
    }
  }

  /// One account.
  public func getAccount(
    _ request: Orders_V1_GetAccountRequest,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_Account {
    let stub = Orders_V1_AccountService.Client(wrapping: self.grpc)
    return try await self.perform(.read, timeout: timeout) { metadata, options in
      try await stub.getAccount(request, metadata: metadata, options: options)
    }
  }
}
