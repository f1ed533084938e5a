/// The dates of a `due` run, on orderd's simulated clock.
enum DueCalendar {
  /// Where the simulated clock starts.
  static let start = "2027-01-01T00:00:00Z"
  /// The day every sales order is scheduled for (YYYY-MM-DD).
  static let scheduledFor = "2027-01-15"
  /// Where the billing run moves the clock.
  static let advanceTo = "2027-01-25T00:00:00Z"
}
