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
}
