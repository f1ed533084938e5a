import Foundation
import GRPCCore
import OrderDomain
import OrderProtocol
import OrderStorage
import OrderWorkflows
import SwiftProtobuf

extension SubscriptionService {
  func changeSubscription(
    request: Orders_V1_ChangeSubscriptionRequest, context: ServerContext
  ) async throws -> Orders_V1_ChangeSubscriptionResponse {
    let call = try CallContext.required()
    let actions = try Self.actions(request)
    let id = SubscriptionID(request.id)
    let organization = try await self.deps.organization(call)
    let now = self.deps.clock.now()
    switch request.timing {
    case .unspecified, .now:
      let workflow = ChangeSubscription(
        subscriptionID: id, actions: actions, currency: organization.currency, now: now)
      if request.dryRun { return try await self.deps.read(call) { scoped in try workflow.estimate(scoped).proto } }
      return try await self.deps.idempotentWrite(call, request: request, now: now, jobs: true) { scoped in
        try workflow.run(scoped).proto
      }
    case .onRenewal, .customDate:
      var date: CivilDate?
      if request.timing == .customDate {
        guard let parsed = CivilDate(iso8601: request.date) else {
          throw DomainError.invalidArgument("a custom-date change needs a date like 2027-03-01 (got '\(request.date)')")
        }
        date = parsed
      }
      let workflow = ScheduleChange(
        subscriptionID: id, actions: actions, timing: request.timing == .customDate ? .customDate : .onRenewal,
        date: date, by: call.principal.agent, organizationKind: organization.kind, currency: organization.currency,
        now: now)
      if request.dryRun { return try await self.deps.read(call) { scoped in try workflow.estimate(scoped).proto } }
      return try await self.deps.idempotentWrite(call, request: request, now: now, jobs: true) { scoped in
        try workflow.run(scoped).proto
      }
    case .UNRECOGNIZED:
      throw DomainError.invalidArgument("timing must be NOW, ON_RENEWAL or CUSTOM_DATE")
    }
  }

  func resyncSubscription(
    request: Orders_V1_ResyncSubscriptionRequest, context: ServerContext
  ) async throws -> Orders_V1_ChangeSubscriptionResponse {
    let call = try CallContext.required()
    let workflow = ChangeSubscription(
      subscriptionID: SubscriptionID(request.id), actions: nil,
      currency: try await self.deps.organization(call).currency, now: self.deps.clock.now())
    return try await self.deps.idempotentWrite(call, request: request, now: workflow.now, jobs: true) { scoped in
      try workflow.run(scoped).proto
    }
  }

  func resyncAsset(request: Orders_V1_ResyncAssetRequest, context: ServerContext) async throws -> Orders_V1_Asset {
    let call = try CallContext.required()
    let workflow = ResyncAsset(id: AssetID(request.id), now: self.deps.clock.now())
    return try await self.deps.idempotentWrite(call, request: request, now: workflow.now, jobs: true) { scoped in
      try workflow.run(scoped).proto
    }
  }

  /// The actions of a change request, in the order they are applied.
  static func actions(_ request: Orders_V1_ChangeSubscriptionRequest) throws -> [ChangeAction] {
    var actions: [ChangeAction] = []
    if request.cancel { actions.append(.cancel) }
    if request.hasQuantity { actions.append(.quantity(Int(request.quantity))) }
    if !request.upgradeTo.isEmpty { actions.append(.upgrade(sku: request.upgradeTo)) }
    if request.term != .unspecified {
      guard let term = Term(request.term) else { throw DomainError.invalidArgument("term must be P1M, P1Y or P3Y") }
      actions.append(.term(term))
    }
    if request.billingCycle != .unspecified {
      guard let cycle = BillingCycle(request.billingCycle) else {
        throw DomainError.invalidArgument("billing cycle must be monthly or annual")
      }
      actions.append(.billingCycle(cycle))
    }
    if request.hasAutoRenew { actions.append(.autoRenew(request.autoRenew)) }
    guard !actions.isEmpty else {
      throw DomainError.invalidArgument(
        "say what to change: quantity, upgrade, term, billing cycle, auto-renew or cancellation")
    }
    try ChangeAction.requireWellCombined(actions)
    return actions
  }
}
