import Foundation
import GRPCCore
import OrderDomain
import OrderProtocol
import OrderStorage
import SwiftProtobuf

extension SubscriptionService {
  func listScheduledChanges(
    request: Orders_V1_ListScheduledChangesRequest, context: ServerContext
  ) async throws -> Orders_V1_ListScheduledChangesResponse {
    let call = try CallContext.required()
    let principal = call.principal
    let id = SubscriptionID(request.subscriptionID)
    return try await self.deps.read(call) { tx in
      guard let subscription = try tx.subscription(id), principal.canSee(accountID: subscription.accountID) else {
        throw DomainError.notFound("subscription \(id) not found")
      }
      let changes = try Self.pendingChanges(of: subscription, tx)
      return .with { $0.changes = changes }
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
      throw DomainError.invalidArgument(
        "say what the vendor scheduled: quantity, upgrade, term or billing cycle")
    }
    let id = SubscriptionID(request.subscriptionID)
    let scheduled = ScheduledChanges.Request(
      subscriptionID: id, actions: actions, timing: .onRenewal, date: nil, by: .vendorSystem)
    let response = try await self.schedule(call, request: request, scheduled, dryRun: false)
    return try await self.deps.read(call) { tx in
      guard let subscription = try tx.subscription(id),
        let change = try Self.pendingChanges(of: subscription, tx).first(where: { $0.orderID == response.order.id })
      else {
        throw DomainError.failedPrecondition("the vendor's change \(response.order.number) is \(response.order.status)")
      }
      return change
    }
  }

  func setFutureRequest(
    request: Orders_V1_SetFutureRequestRequest, context: ServerContext
  ) async throws -> Orders_V1_Subscription {
    let call = try CallContext.required()
    let principal = call.principal
    let id = SubscriptionID(request.subscriptionID)
    let quantity = Int(request.quantity)
    let currency = try await self.deps.organization(call).currency
    let now = self.deps.clock.now()
    return try await self.deps.idempotentWrite(call, request: request, now: now) { tx in
      let subscription = try Self.visible(id, tx, principal)
      let pending = try tx.pendingOnRenewalChange(subscriptionID: id)
      let futureRequest = try RenewalPlanner(catalog: try tx.products(), currency: currency).futureRequest(
        quantity: quantity, for: subscription, pendingOnRenewalChange: pending?.order.number,
        existing: try tx.futureRequest(of: id), by: principal.agent, now: now)
      try tx.setFutureRequest(futureRequest)
      return try Self.detailed(try tx.requireSubscription(id), tx)
    }
  }

  func revokeFutureRequest(
    request: Orders_V1_RevokeFutureRequestRequest, context: ServerContext
  ) async throws -> Orders_V1_Subscription {
    let call = try CallContext.required()
    let principal = call.principal
    let id = SubscriptionID(request.subscriptionID)
    let now = self.deps.clock.now()
    return try await self.deps.idempotentWrite(call, request: request, now: now) { tx in
      let subscription = try Self.visible(id, tx, principal)
      guard try tx.futureRequest(of: id) != nil else {
        throw DomainError.failedPrecondition("subscription \(id) has no future request to revoke")
      }
      _ = try tx.revokeFutureRequest(of: subscription.id, by: principal.agent, now: now)
      return try Self.detailed(try tx.requireSubscription(id), tx)
    }
  }

  func listSubscriptionFeed(
    request: Orders_V1_ListSubscriptionFeedRequest, context: ServerContext
  ) async throws -> Orders_V1_ListSubscriptionFeedResponse {
    let call = try CallContext.required()
    let principal = call.principal
    let id = SubscriptionID(request.subscriptionID)
    return try await self.deps.read(call) { tx in
      _ = try Self.visible(id, tx, principal)
      let entries = try tx.notifications(subject: .subscription(id), limit: 1000)
      return .with { $0.entries = entries.map(\.proto) }
    }
  }

  static func visible(_ id: SubscriptionID, _ tx: OrganizationTransaction, _ principal: Principal) throws
    -> Subscription
  {
    guard let subscription = try tx.subscription(id), principal.canSee(accountID: subscription.accountID) else {
      throw DomainError.notFound("subscription \(id) not found")
    }
    return subscription
  }

  /// A subscription with its pending scheduled changes and future request (H9, F1).
  static func detailed(_ subscription: Subscription, _ tx: OrganizationTransaction) throws -> Orders_V1_Subscription {
    var message = subscription.proto
    message.pendingChanges = try Self.pendingChanges(of: subscription, tx)
    message.futureQuantity = Int32(clamping: try tx.futureRequest(of: subscription.id)?.quantity ?? 0)
    return message
  }

  /// The pending scheduled changes of a subscription, by execution date (H9).
  static func pendingChanges(of subscription: Subscription, _ tx: OrganizationTransaction) throws
    -> [Orders_V1_ScheduledChange]
  {
    try tx.pendingScheduledChanges(subscriptionID: subscription.id).map { pending in
      .with {
        $0.orderID = pending.order.id.rawValue
        $0.orderNumber = pending.order.number.rawValue
        $0.timing = pending.timing == .customDate ? .customDate : .onRenewal
        $0.scheduledFor = Google_Protobuf_Timestamp(date: pending.executionDate)
        $0.createdBy = pending.order.createdBy.rawValue
        $0.vendorSyncStatus = pending.vendorSyncStatus?.rawValue ?? ""
        $0.details = pending.actions.map { Self.detail($0, of: subscription) }.map { detail in
          .with {
            $0.field = detail.field
            $0.old = detail.old
            $0.new = detail.new
          }
        }
        $0.priceEffect = pending.order.total.proto
        $0.status = pending.order.status.rawValue
      }
    }
  }

  /// An action with the subscription's current value and the new one (H9).
  static func detail(_ action: ChangeAction, of subscription: Subscription) -> ChangeDetail {
    switch action {
    case .quantity(let quantity): ChangeDetail(field: "quantity", old: "\(subscription.quantity)", new: "\(quantity)")
    case .upgrade(let sku): ChangeDetail(field: "sku", old: subscription.sku, new: sku)
    case .term(let term): ChangeDetail(field: "term", old: subscription.term.rawValue, new: term.rawValue)
    case .billingCycle(let cycle):
      ChangeDetail(field: "billing cycle", old: subscription.billingCycle.rawValue, new: cycle.rawValue)
    case .autoRenew(let on): ChangeDetail(field: "auto-renew", old: "\(subscription.autoRenew)", new: "\(on)")
    case .cancel: ChangeDetail(field: "status", old: subscription.status.rawValue, new: "cancelled")
    }
  }
}
