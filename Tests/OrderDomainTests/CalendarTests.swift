import Foundation
import OrderDomain
import Testing

@Suite("UTC calendar", .timeLimit(.minutes(5)))
struct CalendarTests {
  @Test(
    "C1: adding months clamps to the end of shorter months",
    arguments: [
      ((2025, 1, 31), 1, (2025, 2, 28)), ((2024, 1, 31), 1, (2024, 2, 29)), ((2024, 3, 31), 1, (2024, 4, 30)),
      ((2024, 2, 29), 12, (2025, 2, 28)), ((2024, 2, 29), 48, (2028, 2, 29)), ((2025, 12, 15), 1, (2026, 1, 15)),
      ((2025, 11, 30), 3, (2026, 2, 28)), ((2026, 3, 31), -1, (2026, 2, 28)), ((2026, 1, 15), -13, (2024, 12, 15)),
      ((2025, 5, 31), 36, (2028, 5, 31)),
    ] as [((Int, Int, Int), Int, (Int, Int, Int))])
  func addMonths(start: (Int, Int, Int), months: Int, end: (Int, Int, Int)) {
    let from = CivilDate(year: start.0, month: start.1, day: start.2)
    #expect(from.adding(months: months) == CivilDate(year: end.0, month: end.1, day: end.2))
  }

  @Test("C1: terms and billing cycles keep the time of day")
  func termsKeepTime() {
    let start = UTCCalendar.date(year: 2026, month: 1, day: 31, hour: 10, minute: 30)
    #expect(
      UTCCalendar.adding(.monthly, to: start) == UTCCalendar.date(year: 2026, month: 2, day: 28, hour: 10, minute: 30))
    #expect(
      UTCCalendar.adding(.oneYear, to: start) == UTCCalendar.date(year: 2027, month: 1, day: 31, hour: 10, minute: 30))
    #expect(
      UTCCalendar.adding(.threeYears, to: start)
        == UTCCalendar.date(year: 2029, month: 1, day: 31, hour: 10, minute: 30))
    #expect(UTCCalendar.adding(.annual, to: start) == UTCCalendar.adding(.oneYear, to: start))
  }

  @Test("civil dates round-trip through days since the epoch, before and after 1970")
  func roundTrip() {
    #expect(CivilDate(daysSinceEpoch: 0) == CivilDate(year: 1970, month: 1, day: 1))
    #expect(CivilDate(year: 2000, month: 3, day: 1).daysSinceEpoch == 11_017)
    for days in stride(from: -800_000, through: 800_000, by: 997) {
      #expect(CivilDate(daysSinceEpoch: days).daysSinceEpoch == days)
    }
    let date = UTCCalendar.date(year: 1969, month: 12, day: 31, hour: 23)
    #expect(UTCCalendar.civilDate(of: date) == CivilDate(year: 1969, month: 12, day: 31))
    #expect(UTCCalendar.startOfDay(date) == UTCCalendar.date(year: 1969, month: 12, day: 31))
    #expect(CivilDate(year: 2026, month: 2, day: 3).description == "2026-02-03")
  }
}

@Suite("Billing periods", .timeLimit(.minutes(5)))
struct BillingPeriodTests {
  @Test("F5: periods count from the anchor, so month-end subscriptions do not drift")
  func noDrift() {
    let anchor = UTCCalendar.date(year: 2026, month: 1, day: 31)
    let ends = (1...3).map { UTCCalendar.periodEnd(anchor: anchor, cycle: .monthly, period: $0) }
    #expect(
      ends == [
        UTCCalendar.date(year: 2026, month: 2, day: 28), UTCCalendar.date(year: 2026, month: 3, day: 31),
        UTCCalendar.date(year: 2026, month: 4, day: 30),
      ])
    #expect(
      UTCCalendar.periodEnd(anchor: anchor, cycle: .annual, period: 2)
        == UTCCalendar.date(year: 2028, month: 1, day: 31))
  }
}

@Suite("Civil dates", .timeLimit(.minutes(5)))
struct CivilDateTests {
  @Test("S1: execution dates parse as YYYY-MM-DD and must be real dates")
  func parsing() {
    #expect(CivilDate(iso8601: "2026-02-28") == CivilDate(year: 2026, month: 2, day: 28))
    #expect(CivilDate(iso8601: "2028-02-29") == CivilDate(year: 2028, month: 2, day: 29))
    for bad in ["2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026-01-+1", "", "2026-01-01T00:00"] {
      #expect(CivilDate(iso8601: bad) == nil, "\(bad)")
    }
    #expect(CivilDate(year: 2026, month: 12, day: 31).adding(days: 1) == CivilDate(year: 2027, month: 1, day: 1))
  }
}
