import Foundation
import GRPCCore
import OrderDomain
import OrderProtocol
import OrderStorage
import SwiftProtobuf

extension SubscriptionService {
  func changeSubscription(
    request: Orders_V1_ChangeSubscriptionRequest, context: ServerContext
  ) async throws -> Orders_V1_ChangeSubscriptionResponse {
    let call = try CallContext.required()
    let actions = try Self.actions(request)
    let id = SubscriptionID(request.id)
    switch request.timing {
    case .unspecified, .now:
      if request.dryRun { return try await self.estimate(call, subscription: id, actions: actions) }
      return try await self.change(call, request: request, subscription: id, actions: actions)
    case .onRenewal, .customDate:
      var date: CivilDate?
      if request.timing == .customDate {
        guard let parsed = CivilDate(iso8601: request.date) else {
          throw DomainError.invalidArgument("a custom-date change needs a date like 2027-03-01 (got '\(request.date)')")
        }
        date = parsed
      }
      let scheduled = ScheduledChanges.Request(
        subscriptionID: id, actions: actions, timing: request.timing == .customDate ? .customDate : .onRenewal,
        date: date, by: call.principal.agent)
      return try await self.schedule(call, request: request, scheduled, dryRun: request.dryRun)
    case .UNRECOGNIZED:
      throw DomainError.invalidArgument("timing must be NOW, ON_RENEWAL or CUSTOM_DATE")
    }
  }

  /// A scheduled change (H1-H5), or its estimate.
  func schedule(
    _ call: CallContext, request: some SwiftProtobuf.Message, _ scheduled: ScheduledChanges.Request, dryRun: Bool
  ) async throws -> Orders_V1_ChangeSubscriptionResponse {
    let principal = call.principal
    let organization = try await self.deps.organization(call)
    let now = self.deps.clock.now()
    let body: @Sendable (OrganizationTransaction) throws -> Orders_V1_ChangeSubscriptionResponse = { tx in
      guard let subscription = try tx.subscription(scheduled.subscriptionID),
        principal.canSee(accountID: subscription.accountID)
      else { throw DomainError.notFound("subscription \(scheduled.subscriptionID) not found") }
      let backordering = try tx.settings().backordering ?? organization.kind.backordersByDefault
      let changes = ScheduledChanges(tx: tx, now: now, currency: organization.currency, backordering: backordering)
      if dryRun {
        let (plan, _) = try changes.check(scheduled, subscription: subscription)
        return Self.estimate(plan, subscription: subscription)
      }
      let order = try changes.schedule(scheduled)
      return .with {
        $0.subscription = (try? tx.requireSubscription(subscription.id).proto) ?? subscription.proto
        $0.order = order.proto(history: (try? tx.statusHistory(of: order.id)) ?? [])
      }
    }
    if dryRun { return try await self.deps.read(call, body) }
    return try await self.deps.idempotentWrite(call, request: request, now: now, jobs: true, body)
  }

  /// An immediate change's estimate: what it would cost, changing nothing.
  func estimate(_ call: CallContext, subscription id: SubscriptionID, actions: [ChangeAction]) async throws
    -> Orders_V1_ChangeSubscriptionResponse
  {
    let principal = call.principal
    let currency = try await self.deps.organization(call).currency
    let now = self.deps.clock.now()
    return try await self.deps.read(call) { tx in
      guard let subscription = try tx.subscription(id), principal.canSee(accountID: subscription.accountID) else {
        throw DomainError.notFound("subscription \(id) not found")
      }
      let plan = try ChangeExecution(tx: tx, now: now, currency: currency).plan(
        subscription, actions: actions, resync: false)
      return Self.estimate(plan, subscription: subscription)
    }
  }

  static func estimate(_ plan: ChangePlan, subscription: Subscription) -> Orders_V1_ChangeSubscriptionResponse {
    .with {
      $0.subscription = plan.after.proto
      if let type = plan.orderType {
        $0.order = .with {
          $0.type = type.proto
          $0.status = "estimate"
          $0.accountID = subscription.accountID.rawValue
          $0.subscriptionID = subscription.id.rawValue
          $0.lines = plan.lines.map(\.proto)
          $0.total = plan.total.proto
        }
        $0.invoice = .with {
          $0.accountID = subscription.accountID.rawValue
          $0.lines = plan.invoiceLines.map(\.proto)
          $0.total = plan.total.proto
          $0.status = "estimate"
        }
      }
    }
  }

  func resyncSubscription(
    request: Orders_V1_ResyncSubscriptionRequest, context: ServerContext
  ) async throws -> Orders_V1_ChangeSubscriptionResponse {
    let call = try CallContext.required()
    return try await self.change(call, request: request, subscription: SubscriptionID(request.id), actions: nil)
  }

  func resyncAsset(request: Orders_V1_ResyncAssetRequest, context: ServerContext) async throws -> Orders_V1_Asset {
    let call = try CallContext.required()
    let principal = call.principal
    let id = AssetID(request.id)
    let now = self.deps.clock.now()
    return try await self.deps.idempotentWrite(call, request: request, now: now, jobs: true) { tx in
      guard let asset = try tx.asset(id), principal.canSee(accountID: asset.accountID) else {
        throw DomainError.notFound("asset \(id) not found")
      }
      guard asset.status == .active else {
        throw DomainError.failedPrecondition("asset \(id) is \(asset.status); only active assets are synchronized")
      }
      guard asset.needsResync else { return asset.proto }
      var provisioning = OrderProvisioning(tx: tx, now: now)
      try provisioning.sync(asset)
      try provisioning.resumeIfSettled(orderOf: asset, by: principal.agent)
      return try tx.requireAsset(id).proto
    }
  }

  /// An immediate change (`actions`) or, with nil, a resync (RC) of one subscription.
  private func change(
    _ call: CallContext, request: some SwiftProtobuf.Message, subscription id: SubscriptionID, actions: [ChangeAction]?
  ) async throws -> Orders_V1_ChangeSubscriptionResponse {
    let principal = call.principal
    let currency = try await self.deps.organization(call).currency
    let now = self.deps.clock.now()
    return try await self.deps.idempotentWrite(call, request: request, now: now, jobs: true) { tx in
      guard let subscription = try tx.subscription(id), principal.canSee(accountID: subscription.accountID) else {
        throw DomainError.notFound("subscription \(id) not found")
      }
      try OrderFlow.requireNoneInProgress(subscription: id, orders: try tx.openOrders(subscriptionID: id))
      let execution = ChangeExecution(tx: tx, now: now, currency: currency)
      let plan = try execution.plan(subscription, actions: actions ?? [], resync: actions == nil)
      guard
        let new = plan.newOrder(
          status: .executing, createdBy: principal.agent,
          reason: actions == nil ? "resync requested" : "change requested")
      else {
        // A setting (auto-renew) changes without an order.
        try tx.saveChange(plan, order: nil, by: principal.agent, now: now)
        return Orders_V1_ChangeSubscriptionResponse.with { $0.subscription = plan.after.proto }
      }
      let order = try tx.createOrder(new, now: now)
      try tx.recordChangeActions(actions ?? [], of: order.id)
      let delay = try VendorCalls(tx: tx, now: now).delay(of: subscription.sku)
      let settled: Order
      var invoice: Invoice?
      if delay > 0 {
        // The vendor answers after its delay: a `provision` job finishes the order.
        settled = try tx.transition(order.id, to: .provisioning, reason: "sent to the vendor", by: .system, now: now)
        _ = try tx.enqueueJob(
          kind: JobKinds.provision, subject: order.id.rawValue, dueAt: now.addingTimeInterval(Double(delay)), now: now
        )
      } else {
        let outcome = try execution.run(order, attempt: 1)
        settled = outcome.order
        invoice = outcome.invoice
      }
      let after = try tx.requireSubscription(id)
      let history = try tx.statusHistory(of: settled.id)
      return Orders_V1_ChangeSubscriptionResponse.with {
        $0.subscription = after.proto
        $0.order = settled.proto(history: history)
        if let invoice { $0.invoice = invoice.proto(orderNumber: settled.number) }
      }
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
