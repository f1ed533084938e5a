/// How a notification watch reconnects after the server became unreachable (`UNAVAILABLE`):
/// a server restart, a dropped connection. A watch reconnects for as long as it runs; the
/// pause grows with each attempt that fails to deliver anything and starts again from
/// `initialBackoff` after a notification arrives.
public struct WatchReconnectPolicy: Sendable, Hashable {
  /// The pause before the first reconnect.
  public var initialBackoff: Duration
  /// The longest pause between two reconnects.
  public var maxBackoff: Duration
  /// How much the pause grows after each fruitless reconnect.
  public var backoffMultiplier: Double

  public init(
    initialBackoff: Duration = .milliseconds(100),
    maxBackoff: Duration = .seconds(2),
    backoffMultiplier: Double = 2
  ) {
    self.initialBackoff = initialBackoff
    self.maxBackoff = maxBackoff
    self.backoffMultiplier = backoffMultiplier
  }

  /// The pause before reconnect number `attempt` (1-based), jittered by ±20%.
  public func backoff(beforeAttempt attempt: Int) -> Duration {
    // Past a few dozen attempts the pause is the maximum anyway.
    let policy = CallRetryPolicy(
      maxAttempts: .max, initialBackoff: self.initialBackoff, maxBackoff: self.maxBackoff,
      backoffMultiplier: self.backoffMultiplier)
    return policy.backoff(afterAttempt: min(max(1, attempt), 64)) ?? self.maxBackoff
  }
}
