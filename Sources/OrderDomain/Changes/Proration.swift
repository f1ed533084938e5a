import Foundation

/// Day-based proration of a billing period (C1).
///
/// Days are UTC calendar days. The remaining part runs from the start of today to the
/// period's end, so the day of a change counts as remaining. Amounts are rounded half away
/// from zero to the currency's minor unit, per line.
public struct Proration: Hashable, Sendable {
  public var periodStart: Date
  public var periodEnd: Date
  /// Whole days from today to the period's end, `0...totalDays`.
  public var remainingDays: Int
  /// Whole days of the period, at least 1.
  public var totalDays: Int

  /// The current period of `subscription` at `now`: it started one billing cycle before
  /// its end, or at the start date if that is later (e.g. after a billing cycle change).
  public init(subscription: Subscription, now: Date) {
    let cycleStart = UTCCalendar.adding(months: -subscription.billingCycle.months, to: subscription.currentPeriodEnd)
    periodStart = max(subscription.startDate, cycleStart)
    periodEnd = subscription.currentPeriodEnd
    let end = UTCCalendar.civilDate(of: periodEnd).daysSinceEpoch
    totalDays = max(1, end - UTCCalendar.civilDate(of: periodStart).daysSinceEpoch)
    remainingDays = min(totalDays, max(0, end - UTCCalendar.civilDate(of: now).daysSinceEpoch))
  }

  /// `price × quantity × remainingDays / totalDays`, rounded half away from zero.
  public func amount(unitPrice: Money, quantity: Int) throws(DomainError) -> Money {
    try Self.prorate(unitPrice.multiplied(by: quantity), remainingDays, of: totalDays)
  }

  /// `amount × part / whole`, rounded half away from zero to minor units.
  public static func prorate(_ amount: Money, _ part: Int, of whole: Int) throws(DomainError) -> Money {
    guard whole > 0 else { throw .internalError("cannot prorate over \(whole) days") }
    let (product, overflow) = amount.minorUnits.multipliedReportingOverflow(by: Int64(part))
    guard !overflow else { throw .invalidArgument("amount is too large") }
    let divisor = Int64(whole)
    var quotient = product / divisor
    let remainder = product % divisor
    if remainder.magnitude * 2 >= divisor.magnitude { quotient += product < 0 ? -1 : 1 }
    return Money(minorUnits: quotient, currency: amount.currency)
  }

  /// The start of the remaining part: midnight UTC of today, or the period's start.
  public var remainingStart: Date {
    UTCCalendar.startOfDay(UTCCalendar.civilDate(of: periodEnd).adding(days: -remainingDays))
  }

  /// E.g. `2026-01-31 to 2026-02-28, 28 of 31 days`.
  public var description: String {
    "\(UTCCalendar.civilDate(of: periodEnd).adding(days: -remainingDays)) to \(UTCCalendar.civilDate(of: periodEnd)), "
      + "\(remainingDays) of \(totalDays) days"
  }
}
