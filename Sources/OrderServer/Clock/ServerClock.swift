import Foundation
import Synchronization

/// The server's one source of time. Nothing in the server reads the wall clock directly:
/// handlers, the billing service and storage all take `now` from here, so a simulated clock
/// makes every time-dependent rule testable (F6).
public final class ServerClock: Sendable {
  /// How the clock tells time.
  public enum Mode: Sendable, Equatable {
    /// The machine's wall clock.
    case system
    /// A clock that stands still until an admin of the root organization moves it forward.
    case simulated(start: Date)
  }

  private let simulated: Bool
  private let simulatedNow: Mutex<Date>

  /// Creates a clock. For a simulated clock, `resumeFrom` is the last simulated time
  /// persisted by an earlier run: the clock never moves backwards, even across restarts.
  public init(mode: Mode, resumeFrom: Date? = nil) {
    switch mode {
    case .system:
      self.simulated = false
      self.simulatedNow = Mutex(.distantPast)
    case .simulated(let start):
      self.simulated = true
      self.simulatedNow = Mutex(max(start, resumeFrom ?? start))
    }
  }

  public var isSimulated: Bool { self.simulated }

  /// The current time.
  public func now() -> Date {
    guard self.simulated else { return Date() }
    return self.simulatedNow.withLock { $0 }
  }

  /// Moves a simulated clock forward to `target` and returns the new time.
  public func advance(to target: Date) throws(ClockError) -> Date {
    guard self.simulated else { throw .notSimulated }
    return try self.simulatedNow.withLock { (now: inout Date) throws(ClockError) -> Date in
      guard target >= now else { throw .backwards(now: now, target: target) }
      now = target
      return now
    }
  }

  /// Moves a simulated clock forward to `target` if it is behind, as when another node on the
  /// same storage advanced the shared clock (issue 14). Never moves it backwards and never
  /// throws: an older or repeated time, or a system clock, leaves it as it is. Returns whether
  /// the clock moved.
  @discardableResult
  public func catchUp(to target: Date) -> Bool {
    guard self.simulated else { return false }
    return self.simulatedNow.withLock { now in
      guard target > now else { return false }
      now = target
      return true
    }
  }
}

/// Why the clock refused to move.
public enum ClockError: Error, Equatable, CustomStringConvertible {
  case notSimulated
  case backwards(now: Date, target: Date)

  public var description: String {
    switch self {
    case .notSimulated:
      return
        "the server runs on the system clock, which cannot be advanced; only a server started on a simulated clock can"
    case .backwards(let now, let target):
      return "the clock never moves backwards: it is \(now.iso8601) and \(target.iso8601) is earlier"
    }
  }
}

extension Date {
  var iso8601: String { self.formatted(.iso8601) }
}
