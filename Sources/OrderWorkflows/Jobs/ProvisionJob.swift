import Foundation
import OrderDomain
import OrderStorage

/// Finishes provisioning an order after its vendors' delay (the `provision` job).
public struct ProvisionJob: JobHandler {
  public let kind = JobKind.provision

  public init() {}

  public func run(_ job: Job, tx: OrganizationTransaction, context: JobContext) throws {
    guard let order = try tx.order(OrderID(job.subject)), order.status == .provisioning else { return }
    let attempt = try Self.attempt(of: order, tx)
    if order.type == .sales {
      var provisioning = OrderProvisioning(tx: tx, now: context.now)
      _ = try provisioning.settle(order, attempt: attempt)
    } else {
      _ = try ChangeExecution(tx: tx, now: context.now, currency: context.currency).run(order, attempt: attempt)
    }
  }

  /// Attempts so far, counted from the order's history: one plus its earlier stalls.
  static func attempt(of order: Order, _ tx: OrganizationTransaction) throws -> Int {
    try tx.statusHistory(of: order.id).filter { $0.to == .provisioningFailed }.count + 1
  }
}
