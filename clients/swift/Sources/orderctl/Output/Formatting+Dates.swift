import SwiftProtobuf

extension Google_Protobuf_Timestamp {
  /// The UTC calendar date, `2027-01-01`; empty when unset.
  var dateText: String {
    guard self.isSet else { return "" }
    let (year, month, day) = CivilDate.from(daysSinceEpoch: self.seconds.floorDivided(by: 86_400))
    return "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
  }

  /// The UTC date and time to the second, `2027-01-01T00:00:00Z`; empty when unset.
  var dateTimeText: String {
    guard self.isSet else { return "" }
    let secondOfDay = self.seconds - self.seconds.floorDivided(by: 86_400) * 86_400
    let time =
      "\(Self.pad(secondOfDay / 3_600, 2)):\(Self.pad(secondOfDay / 60 % 60, 2)):\(Self.pad(secondOfDay % 60, 2))"
    return "\(self.dateText)T\(time)Z"
  }

  /// An unset timestamp field reads as the epoch, which orderd never stores.
  private var isSet: Bool { self.seconds != 0 || self.nanos != 0 }

  private static func pad(_ value: Int64, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}

extension Int64 {
  /// Division rounding toward negative infinity.
  func floorDivided(by divisor: Int64) -> Int64 {
    let quotient = self / divisor
    return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
  }
}

/// Proleptic Gregorian calendar arithmetic (H. Hinnant's `civil_from_days`/`days_from_civil`).
enum CivilDate {
  static func from(daysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
    let z = days + 719_468
    let era = z.floorDivided(by: 146_097)
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
  }

  static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
    let y = month <= 2 ? year - 1 : year
    let era = y.floorDivided(by: 400)
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}
