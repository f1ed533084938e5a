import GRPCCore
import OrderDomain
import OrderProtocol
import OrderStorage
import SwiftProtobuf

/// Subscriptions and software assets (A1, A3). Storefront keys see their own account's only.
struct SubscriptionService: Orders_V1_SubscriptionService.SimpleServiceProtocol {
  let deps: ServiceDependencies

  func listSubscriptions(
    request: Orders_V1_ListSubscriptionsRequest, context: ServerContext
  ) async throws -> Orders_V1_ListSubscriptionsResponse {
    let call = try CallContext.required()
    let accountID = try Self.scope(request.accountID, call.principal)
    let subscriptions = try await self.deps.read(call) { tx in
      try tx.subscriptions(accountID: accountID).map { try Self.detailed($0, tx) }
    }
    return .with { $0.subscriptions = subscriptions }
  }

  func getSubscription(request: Orders_V1_GetSubscriptionRequest, context: ServerContext) async throws
    -> Orders_V1_Subscription
  {
    let call = try CallContext.required()
    let id = SubscriptionID(request.id)
    let principal = call.principal
    return try await self.deps.read(call) { tx in try Self.detailed(try Self.visible(id, tx, principal), tx) }
  }

  func listAssets(request: Orders_V1_ListAssetsRequest, context: ServerContext) async throws
    -> Orders_V1_ListAssetsResponse
  {
    let call = try CallContext.required()
    let accountID = try Self.scope(request.accountID, call.principal)
    let assets = try await self.deps.read(call) { tx in try tx.assets(accountID: accountID) }
    return .with { $0.assets = assets.map(\.proto) }
  }

  func getAsset(request: Orders_V1_GetAssetRequest, context: ServerContext) async throws -> Orders_V1_Asset {
    let call = try CallContext.required()
    let id = AssetID(request.id)
    let asset = try await self.deps.read(call) { tx in try tx.asset(id) }
    guard let asset, call.principal.canSee(accountID: asset.accountID) else {
      throw DomainError.notFound("asset \(id) not found")
    }
    return asset.proto
  }

  /// The account a listing is limited to: the one asked for (if visible), the storefront
  /// caller's own, or nil for an admin's whole organization.
  static func scope(_ requested: String, _ principal: Principal) throws -> AccountID? {
    if !requested.isEmpty {
      let id = AccountID(requested)
      try principal.requireVisible(accountID: id)
      return id
    }
    return principal.role == .storefront ? principal.accountID : nil
  }
}
