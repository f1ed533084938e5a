import ArgumentParser

/// A calendar date typed as `YYYY-MM-DD` (`2027-03-01`), sent to the server as that text.
/// Dates that do not exist, like 2027-02-30, are refused here.
struct DayArgument: ExpressibleByArgument {
  let text: String

  init?(argument: String) {
    guard Self.isCalendarDate(argument) else { return nil }
    self.text = argument
  }

  static func isCalendarDate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let year = Int64(parts[0]), let month = Int64(parts[1]), let day = Int64(parts[2]),
      (1...12).contains(month), (1...31).contains(day)
    else { return false }
    let days = CivilDate.daysSinceEpoch(year: year, month: month, day: day)
    return CivilDate.from(daysSinceEpoch: days) == (year, month, day)
  }
}
