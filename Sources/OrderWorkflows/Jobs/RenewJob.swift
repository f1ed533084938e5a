import Foundation
import OrderDomain
import OrderStorage

/// The billing service at the end of a subscription's billing period (F5): renews it (an
/// `RN` at the end of a term, a `BO` inside a longer term), applies its On Renewal change or
/// future request, invoices the new period, and schedules the next; or expires it when
/// auto-renew is off.
public struct RenewJob: JobHandler {
  public let kind = JobKind.renew

  public init() {}

  public func run(_ job: Job, tx: OrganizationTransaction, context: JobContext) throws {
    guard let subscription = try tx.subscription(SubscriptionID(job.subject)), subscription.status == .active,
      subscription.currentPeriodEnd <= context.now
    else { return }
    try Renewal(tx: tx, currency: context.currency, now: context.now).renew(subscription)
  }
}
