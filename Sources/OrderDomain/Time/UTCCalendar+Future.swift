import Foundation

extension UTCCalendar {
  /// A date something is scheduled for is in the future (S1; custom-date changes, H2): today
  /// and earlier are refused, naming the first day allowed.
  public static func requireFuture(_ date: CivilDate, now: Date, what: String = "the date") throws(DomainError) {
    let today = civilDate(of: now)
    guard date > today else {
      throw .invalidArgument("\(what) \(date) is not in the future; choose \(today.adding(days: 1)) or later")
    }
  }
}
