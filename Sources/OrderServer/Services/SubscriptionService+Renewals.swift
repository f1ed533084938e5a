import Foundation
import GRPCCore
import OrderDomain
import OrderProtocol
import OrderStorage
import OrderWorkflows
import SwiftProtobuf

extension SubscriptionService {
  func listScheduledChanges(
    request: Orders_V1_ListScheduledChangesRequest, context: ServerContext
  ) async throws -> Orders_V1_ListScheduledChangesResponse {
    let call = try CallContext.required()
    let id = SubscriptionID(request.subscriptionID)
    let paging = ListPaging("ListScheduledChanges", filters: ["subscription_id": request.subscriptionID])
    let page = try paging.request(size: request.pageSize, token: request.pageToken)
    return try await self.deps.read(call) { scoped in
      let (subscription, changes) = try scoped.scheduledChanges(of: id, page: page)
      return .with {
        $0.changes = changes.items.map { $0.proto(of: subscription) }
        $0.nextPageToken = paging.token(changes.next)
      }
    }
  }

  func syncVendorChange(
    request: Orders_V1_SyncVendorChangeRequest, context: ServerContext
  ) async throws -> Orders_V1_ScheduledChange {
    let call = try CallContext.required()
    var actions: [ChangeAction] = []
    if request.hasQuantity { actions.append(.quantity(Int(request.quantity))) }
    if !request.upgradeTo.isEmpty { actions.append(.upgrade(sku: request.upgradeTo)) }
    if let term = Term(request.term) { actions.append(.term(term)) }
    if let cycle = BillingCycle(request.billingCycle) { actions.append(.billingCycle(cycle)) }
    guard !actions.isEmpty else {
      throw DomainError.invalidArgument("say what the vendor scheduled: quantity, upgrade, term or billing cycle")
    }
    let organization = try await self.deps.organization(call)
    let workflow = ScheduleChange(
      subscriptionID: SubscriptionID(request.subscriptionID), actions: actions, timing: .onRenewal, date: nil,
      by: .vendorSystem, organizationKind: organization.kind, currency: organization.currency,
      now: self.deps.clock.now())
    let response = try await self.deps.idempotentWrite(call, request: request, now: workflow.now, jobs: true) {
      scoped in try workflow.run(scoped).proto
    }
    // The vendor's change is answered as listed, once it is pending (H8, H9).
    return try await self.deps.read(call) { scoped in
      let details = try scoped.subscriptionDetails(workflow.subscriptionID)
      guard let change = details.pendingChanges.first(where: { $0.order.id.rawValue == response.order.id }) else {
        throw DomainError.failedPrecondition("the vendor's change \(response.order.number) is \(response.order.status)")
      }
      return change.proto(of: details.subscription)
    }
  }

  func setFutureRequest(
    request: Orders_V1_SetFutureRequestRequest, context: ServerContext
  ) async throws -> Orders_V1_Subscription {
    let call = try CallContext.required()
    let workflow = SetFutureRequest(
      subscriptionID: SubscriptionID(request.subscriptionID), quantity: Int(request.quantity),
      currency: try await self.deps.organization(call).currency, now: self.deps.clock.now())
    return try await self.deps.idempotentWrite(call, request: request, now: workflow.now) { scoped in
      try workflow.run(scoped).proto
    }
  }

  func revokeFutureRequest(
    request: Orders_V1_RevokeFutureRequestRequest, context: ServerContext
  ) async throws -> Orders_V1_Subscription {
    let call = try CallContext.required()
    let workflow = RevokeFutureRequest(
      subscriptionID: SubscriptionID(request.subscriptionID), now: self.deps.clock.now())
    return try await self.deps.idempotentWrite(call, request: request, now: workflow.now) { scoped in
      try workflow.run(scoped).proto
    }
  }

  func listSubscriptionFeed(
    request: Orders_V1_ListSubscriptionFeedRequest, context: ServerContext
  ) async throws -> Orders_V1_ListSubscriptionFeedResponse {
    let call = try CallContext.required()
    let id = SubscriptionID(request.subscriptionID)
    let paging = ListPaging("ListSubscriptionFeed", filters: ["subscription_id": request.subscriptionID])
    let page = try paging.request(size: request.pageSize, token: request.pageToken)
    return try await self.deps.read(call) { scoped in
      let entries = try scoped.feed(of: id, page: page)
      return .with {
        $0.entries = entries.items.map(\.proto)
        $0.nextPageToken = paging.token(entries.next)
      }
    }
  }
}
