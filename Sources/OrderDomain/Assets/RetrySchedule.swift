import Foundation

/// When automatic retries happen (A2): growing delays, capped, for at most a number of
/// attempts. Pure: the caller passes the time of the failed attempt.
public struct RetrySchedule: Hashable, Sendable {
  /// Delay after the first, second... failed attempt, in seconds; the last one repeats.
  public var delays: [Int]
  /// Attempts in all (the first one included) before giving up.
  public var maxAttempts: Int

  public init(delays: [Int], maxAttempts: Int) {
    self.delays = delays
    self.maxAttempts = maxAttempts
  }

  /// 1 min, 5 min, 30 min, 2 h, then every 2 h, for 8 attempts in all.
  public static let standard = RetrySchedule(delays: [60, 300, 1800, 7200], maxAttempts: 8)

  /// When to try again after `attempts` failed attempts, the last one at `failedAt`;
  /// `nil` when no automatic retry is left (a manual resync still works).
  public func nextAttempt(after attempts: Int, failedAt: Date) -> Date? {
    guard attempts >= 1, attempts < maxAttempts, let last = delays.last else { return nil }
    let delay = attempts <= delays.count ? delays[attempts - 1] : last
    return failedAt.addingTimeInterval(Double(delay))
  }
}
