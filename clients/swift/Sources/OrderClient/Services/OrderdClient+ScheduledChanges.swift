import GRPCCore
import OrderProtocol

// SubscriptionService: scheduled changes (H8, H9), Manage Renewal (F1-F3) and the feed.
extension OrderdClient {
  /// A subscription's pending scheduled changes, by execution date (H9).
  public func listScheduledChanges(
    _ request: Orders_V1_ListScheduledChangesRequest,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_ListScheduledChangesResponse {
    let stub = Orders_V1_SubscriptionService.Client(wrapping: self.grpc)
    return try await self.perform(.read, timeout: timeout) { metadata, options in
      try await stub.listScheduledChanges(request, metadata: metadata, options: options)
    }
  }

  /// Records a vendor-side scheduled change (H8, admin): an On Renewal change created by
  /// `Vendor System` that replaces the platform's own On Renewal change.
  ///
  /// Pass `idempotencyKey` to make the call idempotent beyond this process; otherwise
  /// a random key is drawn for this call and reused by its retries.
  public func syncVendorChange(
    _ request: Orders_V1_SyncVendorChangeRequest,
    idempotencyKey: IdempotencyKey? = nil,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_ScheduledChange {
    let stub = Orders_V1_SubscriptionService.Client(wrapping: self.grpc)
    return try await self.perform(.mutating(idempotencyKey), timeout: timeout) { metadata, options in
      try await stub.syncVendorChange(request, metadata: metadata, options: options)
    }
  }

  /// Manage Renewal (F1): a quantity that applies from the next renewal on. A refusal names
  /// the condition that failed.
  ///
  /// Pass `idempotencyKey` to make the call idempotent beyond this process; otherwise
  /// a random key is drawn for this call and reused by its retries.
  public func setFutureRequest(
    _ request: Orders_V1_SetFutureRequestRequest,
    idempotencyKey: IdempotencyKey? = nil,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_Subscription {
    let stub = Orders_V1_SubscriptionService.Client(wrapping: self.grpc)
    return try await self.perform(.mutating(idempotencyKey), timeout: timeout) { metadata, options in
      try await stub.setFutureRequest(request, metadata: metadata, options: options)
    }
  }

  /// Revokes a future request before the renewal (F2): the quantity then stays as it is.
  ///
  /// Pass `idempotencyKey` to make the call idempotent beyond this process; otherwise
  /// a random key is drawn for this call and reused by its retries.
  public func revokeFutureRequest(
    _ request: Orders_V1_RevokeFutureRequestRequest,
    idempotencyKey: IdempotencyKey? = nil,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_Subscription {
    let stub = Orders_V1_SubscriptionService.Client(wrapping: self.grpc)
    return try await self.perform(.mutating(idempotencyKey), timeout: timeout) { metadata, options in
      try await stub.revokeFutureRequest(request, metadata: metadata, options: options)
    }
  }

  /// The subscription's "Notifications and Updates" feed (F3).
  public func listSubscriptionFeed(
    _ request: Orders_V1_ListSubscriptionFeedRequest,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_ListSubscriptionFeedResponse {
    let stub = Orders_V1_SubscriptionService.Client(wrapping: self.grpc)
    return try await self.perform(.read, timeout: timeout) { metadata, options in
      try await stub.listSubscriptionFeed(request, metadata: metadata, options: options)
    }
  }
}
