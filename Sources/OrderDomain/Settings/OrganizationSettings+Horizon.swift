import Foundation

extension OrganizationSettings {
  /// The last date a custom date may be set to, from `now`.
  public func lastSchedulableDate(now: Date) -> CivilDate {
    UTCCalendar.civilDate(of: now).adding(days: scheduleHorizonDays)
  }

  /// Throws `invalidArgument` when `date` is further ahead than the schedule horizon.
  public func requireWithinHorizon(_ date: CivilDate, now: Date) throws(DomainError) {
    let last = lastSchedulableDate(now: now)
    guard date <= last else {
      throw .invalidArgument(
        "\(date) is more than \(scheduleHorizonDays) days ahead; choose \(last) or earlier")
    }
  }
}
