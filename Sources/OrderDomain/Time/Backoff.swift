/// Growing waits between attempts after failures in a row: the first wait, doubling with
/// each failure, never more than the maximum. The one backoff of the server (job retries,
/// paused organizations, a failing registry). Pure: it computes delays and never waits.
public struct Backoff: Hashable, Sendable {
  /// The wait after the first failure.
  public var first: Duration
  /// The longest wait.
  public var maximum: Duration

  public init(first: Duration, maximum: Duration) {
    self.first = first
    self.maximum = maximum
  }

  /// The wait after `failures` failures in a row (1 or more; 0 counts as 1).
  public func delay(afterFailures failures: Int) -> Duration {
    // Past 2^20 times the first wait every useful maximum is reached: no overflow.
    let doublings = min(max(failures - 1, 0), 20)
    return min(self.maximum, self.first * (1 << doublings))
  }

  /// The wait after `failures` failures in a row, in seconds.
  public func seconds(afterFailures failures: Int) -> Double {
    self.delay(afterFailures: failures).inSeconds
  }
}

extension Backoff {
  /// Jobs whose work failed unexpectedly: 5 s doubling to 1 h.
  public static let jobRetry = Backoff(first: .seconds(5), maximum: .seconds(3600))

  /// The background runner when the registry itself fails: 1 s doubling to 30 s.
  public static let registryRetry = Backoff(first: .seconds(1), maximum: .seconds(30))
}
