import OrderProtocol

/// Where a notification watch stands in the organization's log (N2): the last position it
/// delivered. A reconnect asks for what comes after it, and anything at or before it (a
/// server that repeats itself) is dropped, so each notification is delivered exactly once.
public struct NotificationCursor: Sendable, Hashable {
  /// The position of the last notification delivered; 0 before the first.
  public private(set) var lastPosition: Int64

  /// A cursor that starts after `position` (0: from the start of the log).
  public init(after position: Int64 = 0) {
    self.lastPosition = max(0, position)
  }

  /// Whether `notification` is new; if it is, it becomes the last position delivered.
  public mutating func advance(past notification: Orders_V1_Notification) -> Bool {
    guard notification.position > self.lastPosition else { return false }
    self.lastPosition = notification.position
    return true
  }
}
