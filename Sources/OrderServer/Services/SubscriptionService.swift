import GRPCCore
import OrderDomain
import OrderProtocol
import OrderStorage
import OrderWorkflows
import SwiftProtobuf

/// Subscriptions and software assets (A1, A3). Storefront keys see their own account's only.
struct SubscriptionService: Orders_V1_SubscriptionService.SimpleServiceProtocol {
  let deps: ServiceDependencies

  func listSubscriptions(
    request: Orders_V1_ListSubscriptionsRequest, context: ServerContext
  ) async throws -> Orders_V1_ListSubscriptionsResponse {
    let call = try CallContext.required()
    let requested = request.accountID.isEmpty ? nil : AccountID(request.accountID)
    let paging = ListPaging("ListSubscriptions", filters: ["account_id": request.accountID])
    let page = try paging.request(size: request.pageSize, token: request.pageToken)
    let subscriptions = try await self.deps.read(call) { scoped in
      try scoped.subscriptions(accountID: try scoped.scope(requested), page: page).map(\.proto)
    }
    return .with {
      $0.subscriptions = subscriptions.items
      $0.nextPageToken = paging.token(subscriptions.next)
    }
  }

  func getSubscription(request: Orders_V1_GetSubscriptionRequest, context: ServerContext) async throws
    -> Orders_V1_Subscription
  {
    let call = try CallContext.required()
    let id = SubscriptionID(request.id)
    return try await self.deps.read(call) { scoped in try scoped.subscriptionDetails(id).proto }
  }

  func listAssets(request: Orders_V1_ListAssetsRequest, context: ServerContext) async throws
    -> Orders_V1_ListAssetsResponse
  {
    let call = try CallContext.required()
    let requested = request.accountID.isEmpty ? nil : AccountID(request.accountID)
    let paging = ListPaging("ListAssets", filters: ["account_id": request.accountID])
    let page = try paging.request(size: request.pageSize, token: request.pageToken)
    let assets = try await self.deps.read(call) { scoped in
      try scoped.assets(accountID: try scoped.scope(requested), page: page)
    }
    return .with {
      $0.assets = assets.items.map(\.proto)
      $0.nextPageToken = paging.token(assets.next)
    }
  }

  func getAsset(request: Orders_V1_GetAssetRequest, context: ServerContext) async throws -> Orders_V1_Asset {
    let call = try CallContext.required()
    let id = AssetID(request.id)
    return try await self.deps.read(call) { scoped in try scoped.requireAsset(id).proto }
  }
}
