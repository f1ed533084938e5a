import ArgumentParser
import OrderProtocol

/// When a change applies (H1), typed as `now`, `renewal` or a date `YYYY-MM-DD`.
enum WhenArgument: ExpressibleByArgument {
  case now
  case renewal
  case date(String)

  init?(argument: String) {
    switch argument {
    case "now": self = .now
    case "renewal": self = .renewal
    default:
      guard DayArgument.isCalendarDate(argument) else { return nil }
      self = .date(argument)
    }
  }

  var timing: Orders_V1_ChangeTiming {
    switch self {
    case .now: return .now
    case .renewal: return .onRenewal
    case .date: return .customDate
    }
  }

  /// The `YYYY-MM-DD` of a custom date; empty otherwise.
  var date: String {
    if case .date(let text) = self { return text }
    return ""
  }

  static var allValueStrings: [String] { ["now", "renewal", "YYYY-MM-DD"] }
}
