import Foundation
import OrderDomain
import OrderStorage

/// An admin retries a stalled order (O2): the order takes its flow's retry edge, then the
/// platform runs what its flow says a retry runs (``OrderFlow/RetryStep``).
public struct RetryOrder: Sendable {
  /// The order's id or number.
  public var key: String
  public var currency: String
  public var now: Date

  public init(key: String, currency: String, now: Date) {
    self.key = key
    self.currency = currency
    self.now = now
  }

  public func run(_ scoped: ScopedTransaction) throws -> OrderWithHistory {
    try scoped.principal.requireAdmin("retry orders")
    let tx = scoped.tx
    let agent = scoped.principal.agent
    let order = try scoped.requireOrder(self.key)
    let retried = try tx.performAction(.retry, on: order.id, reason: "retried by \(agent)", by: agent, now: self.now)
    guard let step = OrderFlow.of(retried.type).retry else {
      throw DomainError.internalError("order \(retried.number) took a retry edge its flow has no step for")
    }
    let attempt = try ProvisionJob.attempt(of: retried, tx)
    let settled: Order
    switch step {
    case .provisionItems:
      var provisioning = OrderProvisioning(tx: tx, now: self.now)
      for asset in try provisioning.assets(of: retried) where asset.syncStatus == .failed {
        try provisioning.sync(asset)
      }
      settled = try provisioning.settle(retried, attempt: attempt)
    case .executeChange:
      settled = try ChangeExecution(tx: tx, now: self.now, currency: self.currency).run(retried, attempt: attempt)
        .order
    case .complete:
      settled = try tx.moveOrder(retried.id, to: .completed, reason: "retried", by: .system, now: self.now)
    }
    return try OrderWithHistory(settled, tx: tx)
  }
}
