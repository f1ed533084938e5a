import Foundation

/// An ISO 8601 duration such as `P1M`, `P10D`, `PT6H` or `P1Y2M3DT4H5M6S`, applied in UTC
/// calendar arithmetic (a month is a calendar month, clamped at month end).
public struct ISO8601Duration: Sendable, Equatable, CustomStringConvertible {
  public var years = 0
  public var months = 0
  public var weeks = 0
  public var days = 0
  public var hours = 0
  public var minutes = 0
  public var seconds = 0

  public let description: String

  /// Parses `text`, or returns nil when it is not an ISO 8601 duration with at least one part.
  public init?(_ text: String) {
    self.description = text
    var rest = Substring(text.uppercased())
    guard rest.first == "P" else { return nil }
    rest = rest.dropFirst()
    var inTime = false
    var number = ""
    var sawPart = false
    for character in rest {
      if character.isASCII, character.isNumber {
        number.append(character)
        continue
      }
      if character == "T" {
        guard !inTime, number.isEmpty else { return nil }
        inTime = true
        continue
      }
      guard let value = Int(number) else { return nil }
      number = ""
      sawPart = true
      switch (character, inTime) {
      case ("Y", false): self.years = value
      case ("M", false): self.months = value
      case ("W", false): self.weeks = value
      case ("D", false): self.days = value
      case ("H", true): self.hours = value
      case ("M", true): self.minutes = value
      case ("S", true): self.seconds = value
      default: return nil
      }
    }
    guard number.isEmpty, sawPart else { return nil }
  }

  /// `date` moved forward by this duration in the UTC calendar.
  public func added(to date: Date) -> Date? {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
    var components = DateComponents()
    components.year = self.years
    components.month = self.months
    components.day = self.weeks * 7 + self.days
    components.hour = self.hours
    components.minute = self.minutes
    components.second = self.seconds
    return calendar.date(byAdding: components, to: date)
  }
}

extension ISO8601Duration {
  /// The length in seconds of a duration without years or months (weeks and days are
  /// 24 hours each).
  var totalSeconds: Int {
    ((self.weeks * 7 + self.days) * 24 + self.hours) * 3600 + self.minutes * 60 + self.seconds
  }
}
