import ArgumentParser
import Foundation
import SwiftProtobuf

/// An instant typed as an ISO 8601 date (`2027-02-01`, the start of that day UTC) or date-time
/// (`2027-02-01T09:30:00Z`, `2027-02-01T09:30:00+02:00`).
struct InstantArgument: ExpressibleByArgument {
  let timestamp: Google_Protobuf_Timestamp

  init?(argument: String) {
    if let days = Self.parseDate(argument) {
      self.timestamp = Google_Protobuf_Timestamp(seconds: days * 86_400, nanos: 0)
      return
    }
    let styles = [Date.ISO8601FormatStyle(), Date.ISO8601FormatStyle(includingFractionalSeconds: true)]
    for style in styles {
      if let date = try? style.parse(argument) {
        self.timestamp = Google_Protobuf_Timestamp(date: date)
        return
      }
    }
    return nil
  }

  /// Days since 1970-01-01 of a `YYYY-MM-DD` date, or nil.
  private static func parseDate(_ text: String) -> Int64? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int64(parts[0]), let month = Int64(parts[1]), let day = Int64(parts[2]),
      (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    let days = CivilDate.daysSinceEpoch(year: year, month: month, day: day)
    // Reject dates that do not exist, like 2027-02-30.
    guard CivilDate.from(daysSinceEpoch: days) == (year, month, day) else { return nil }
    return days
  }
}
