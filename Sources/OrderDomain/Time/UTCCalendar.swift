import Foundation

/// Calendar arithmetic in UTC for billing periods and terms. Pure: never reads the clock.
public enum UTCCalendar {
  private static let secondsPerDay: Double = 86_400

  /// The UTC calendar date of `date`.
  public static func civilDate(of date: Date) -> CivilDate {
    CivilDate(daysSinceEpoch: Int((date.timeIntervalSince1970 / secondsPerDay).rounded(.down)))
  }

  /// Midnight UTC at the start of `civil`.
  public static func startOfDay(_ civil: CivilDate) -> Date {
    Date(timeIntervalSince1970: Double(civil.daysSinceEpoch) * secondsPerDay)
  }

  /// Midnight UTC at the start of the day of `date`.
  public static func startOfDay(_ date: Date) -> Date { startOfDay(civilDate(of: date)) }

  /// A UTC instant from its parts.
  public static func date(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Date {
    let start = startOfDay(CivilDate(year: year, month: month, day: day))
    return start.addingTimeInterval(Double(hour * 3600 + minute * 60 + second))
  }

  /// `date` moved by `months` calendar months, keeping the time of day and clamping the
  /// day to the end of a shorter month (Jan 31 + 1 month = Feb 28 or 29).
  public static func adding(months: Int, to date: Date) -> Date {
    let dayStart = startOfDay(date)
    let timeOfDay = date.timeIntervalSince(dayStart)
    return startOfDay(civilDate(of: date).adding(months: months)).addingTimeInterval(timeOfDay)
  }

  /// The end of a term that starts at `date`.
  public static func adding(_ term: Term, to date: Date) -> Date { adding(months: term.months, to: date) }

  /// The end of a billing period that starts at `date`.
  public static func adding(_ cycle: BillingCycle, to date: Date) -> Date {
    adding(months: cycle.months, to: date)
  }

  /// The end of the `period`-th billing period (from 1) of a subscription started at
  /// `anchor`. Counting from the anchor avoids drift: a subscription started on Jan 31
  /// renews on Feb 28, then Mar 31, not Mar 28.
  public static func periodEnd(anchor: Date, cycle: BillingCycle, period: Int) -> Date {
    adding(months: cycle.months * period, to: anchor)
  }
}
