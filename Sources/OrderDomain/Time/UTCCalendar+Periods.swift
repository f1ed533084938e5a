import Foundation

extension UTCCalendar {
  /// Whole calendar months from the UTC date of `anchor` to that of `date`, ignoring days.
  public static func months(from anchor: Date, to date: Date) -> Int {
    let start = civilDate(of: anchor)
    let end = civilDate(of: date)
    return (end.year - start.year) * 12 + (end.month - start.month)
  }

  /// The end of a span of `months` that starts at `start`, counted from `anchor` when
  /// `start` is a whole number of months after it (so Jan 31, Feb 28 is followed by
  /// Mar 31, not Mar 28); otherwise counted from `start`.
  public static func end(ofMonths months: Int, startingAt start: Date, anchor: Date) -> Date {
    let offset = self.months(from: anchor, to: start)
    guard offset >= 0, adding(months: offset, to: anchor) == start else { return adding(months: months, to: start) }
    return adding(months: offset + months, to: anchor)
  }

  /// The start of the span of `months` that ends at `end`, counted from `anchor` like
  /// ``end(ofMonths:startingAt:anchor:)``; never before `anchor`.
  public static func start(ofMonths months: Int, endingAt end: Date, anchor: Date) -> Date {
    let offset = self.months(from: anchor, to: end)
    guard offset >= 0, adding(months: offset, to: anchor) == end else {
      return max(anchor, adding(months: -months, to: end))
    }
    return adding(months: max(0, offset - months), to: anchor)
  }
}
