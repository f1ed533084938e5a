import GRPCCore
import OrderProtocol

// SubscriptionService: Subscriptions and software assets created by executed orders.
extension OrderdClient {
  /// Subscriptions, optionally of one account.
  public func listSubscriptions(
    _ request: Orders_V1_ListSubscriptionsRequest = Orders_V1_ListSubscriptionsRequest(),
    timeout: Duration? = nil
  ) async throws -> Orders_V1_ListSubscriptionsResponse {
    let stub = Orders_V1_SubscriptionService.Client(wrapping: self.grpc)
    return try await self.perform(.read, timeout: timeout) { metadata, options in
      try await stub.listSubscriptions(request, metadata: metadata, options: options)
    }
  }

  /// One subscription.
  public func getSubscription(
    _ request: Orders_V1_GetSubscriptionRequest,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_Subscription {
    let stub = Orders_V1_SubscriptionService.Client(wrapping: self.grpc)
    return try await self.perform(.read, timeout: timeout) { metadata, options in
      try await stub.getSubscription(request, metadata: metadata, options: options)
    }
  }

  /// Software assets, optionally of one account (A1).
  public func listAssets(
    _ request: Orders_V1_ListAssetsRequest = Orders_V1_ListAssetsRequest(),
    timeout: Duration? = nil
  ) async throws -> Orders_V1_ListAssetsResponse {
    let stub = Orders_V1_SubscriptionService.Client(wrapping: self.grpc)
    return try await self.perform(.read, timeout: timeout) { metadata, options in
      try await stub.listAssets(request, metadata: metadata, options: options)
    }
  }

  /// One software asset.
  public func getAsset(
    _ request: Orders_V1_GetAssetRequest,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_Asset {
    let stub = Orders_V1_SubscriptionService.Client(wrapping: self.grpc)
    return try await self.perform(.read, timeout: timeout) { metadata, options in
      try await stub.getAsset(request, metadata: metadata, options: options)
    }
  }

  /// Changes a subscription: quantity, upgrade, term, billing cycle, auto-renew, or
  /// cancellation (O1), now, on renewal or on a custom date (H1), or only estimates it
  /// (`dry_run`). Returns the subscription after, and the order and invoice, if any.
  ///
  /// Pass `idempotencyKey` to make the call idempotent beyond this process; otherwise
  /// a random key is drawn for this call and reused by its retries.
  public func changeSubscription(
    _ request: Orders_V1_ChangeSubscriptionRequest,
    idempotencyKey: IdempotencyKey? = nil,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_ChangeSubscriptionResponse {
    let stub = Orders_V1_SubscriptionService.Client(wrapping: self.grpc)
    return try await self.perform(.mutating(idempotencyKey), timeout: timeout) { metadata, options in
      try await stub.changeSubscription(request, metadata: metadata, options: options)
    }
  }

  /// Resynchronises a subscription with the vendor: a zero-amount resource order (RC).
  ///
  /// Pass `idempotencyKey` to make the call idempotent beyond this process; otherwise
  /// a random key is drawn for this call and reused by its retries.
  public func resyncSubscription(
    _ request: Orders_V1_ResyncSubscriptionRequest,
    idempotencyKey: IdempotencyKey? = nil,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_ChangeSubscriptionResponse {
    let stub = Orders_V1_SubscriptionService.Client(wrapping: self.grpc)
    return try await self.perform(.mutating(idempotencyKey), timeout: timeout) { metadata, options in
      try await stub.resyncSubscription(request, metadata: metadata, options: options)
    }
  }

  /// Retries a failed asset provisioning and refreshes missing vendor data (A2).
  ///
  /// Pass `idempotencyKey` to make the call idempotent beyond this process; otherwise
  /// a random key is drawn for this call and reused by its retries.
  public func resyncAsset(
    _ request: Orders_V1_ResyncAssetRequest,
    idempotencyKey: IdempotencyKey? = nil,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_Asset {
    let stub = Orders_V1_SubscriptionService.Client(wrapping: self.grpc)
    return try await self.perform(.mutating(idempotencyKey), timeout: timeout) { metadata, options in
      try await stub.resyncAsset(request, metadata: metadata, options: options)
    }
  }
}
