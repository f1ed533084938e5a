import Foundation
import GRPCCore
import OrderDomain
import OrderProtocol
import OrderStorage
import OrderWorkflows
import SwiftProtobuf

/// Backorders received from tenants (B2-B4, B6): listed, shown, and retried by an admin once
/// the cause of a stall is fixed.
struct BackorderService: Orders_V1_BackorderService.SimpleServiceProtocol {
  let deps: ServiceDependencies

  func listBackorders(
    request: Orders_V1_ListBackordersRequest, context: ServerContext
  ) async throws -> Orders_V1_ListBackordersResponse {
    let call = try CallContext.required()
    var status: BackorderStatus?
    if !request.status.isEmpty {
      guard let parsed = BackorderStatus(rawValue: request.status) else {
        throw DomainError.invalidArgument("status must be applied, stalled or waiting")
      }
      status = parsed
    }
    let filter = status
    let paging = ListPaging("ListBackorders", filters: ["status": request.status])
    let page = try paging.request(size: request.pageSize, token: request.pageToken)
    let backorders = try await self.deps.read(call) { scoped in try scoped.backorders(status: filter, page: page) }
    return .with {
      $0.backorders = backorders.items.map(\.proto)
      $0.nextPageToken = paging.token(backorders.next)
    }
  }

  func getBackorder(request: Orders_V1_GetBackorderRequest, context: ServerContext) async throws -> Orders_V1_Backorder
  {
    let call = try CallContext.required()
    let id = BackorderID(request.id)
    return try await self.deps.read(call) { scoped in try scoped.requireBackorder(id).proto }
  }

  func retryBackorder(request: Orders_V1_RetryBackorderRequest, context: ServerContext) async throws
    -> Orders_V1_Backorder
  {
    let call = try CallContext.required()
    let workflow = RetryBackorder(
      id: BackorderID(request.id), currency: try await self.deps.organization(call).currency,
      now: self.deps.clock.now())
    return try await self.deps.idempotentWrite(call, request: request, now: workflow.now, jobs: true) { scoped in
      try workflow.run(scoped).proto
    }
  }
}

extension Backorder {
  var proto: Orders_V1_Backorder {
    .with {
      $0.id = self.id.rawValue
      $0.tenantOrganizationID = self.tenantOrganizationID.rawValue
      $0.tenantSubscriptionID = self.tenantSubscriptionID.rawValue
      $0.accountID = self.accountID.rawValue
      $0.kind = self.kind.rawValue
      $0.sku = self.sku
      $0.quantity = Int32(clamping: self.quantity)
      $0.status = self.status.rawValue
      $0.reason = self.reason ?? ""
      $0.subscriptionID = self.subscriptionID?.rawValue ?? ""
      $0.orderID = self.orderID?.rawValue ?? ""
      $0.receivedAt = Google_Protobuf_Timestamp(date: self.receivedAt)
      if let applied = self.appliedAt { $0.appliedAt = Google_Protobuf_Timestamp(date: applied) }
      $0.sourceSequence = self.sourceSequence
    }
  }
}
