/// How a logical call is retried when the server is unreachable (`UNAVAILABLE`).
///
/// Only `UNAVAILABLE` is retried: it means the call did not reach a handler, or the
/// connection dropped before an answer. Mutating calls are still safe to retry after a drop
/// because every attempt carries the same `idempotency-key`. All attempts together stay
/// within the call's timeout.
public struct CallRetryPolicy: Sendable, Hashable {
  /// Attempts in total, the first included. 1 disables retries.
  public var maxAttempts: Int
  /// The pause before the second attempt.
  public var initialBackoff: Duration
  /// The longest pause between two attempts.
  public var maxBackoff: Duration
  /// How much the pause grows after each failed attempt.
  public var backoffMultiplier: Double

  public init(
    maxAttempts: Int = 5,
    initialBackoff: Duration = .milliseconds(100),
    maxBackoff: Duration = .seconds(2),
    backoffMultiplier: Double = 2
  ) {
    self.maxAttempts = max(1, maxAttempts)
    self.initialBackoff = initialBackoff
    self.maxBackoff = maxBackoff
    self.backoffMultiplier = backoffMultiplier
  }

  /// Never retry.
  public static let none = CallRetryPolicy(maxAttempts: 1)

  /// The pause after failed attempt number `attempt` (1-based), or nil when no attempt is left.
  /// The pause is jittered by ±20% so that many clients do not retry in lockstep.
  public func backoff(afterAttempt attempt: Int) -> Duration? {
    guard attempt < self.maxAttempts else { return nil }
    let base = self.initialBackoff.milliseconds * pow(self.backoffMultiplier, attempt - 1)
    let capped = min(base, self.maxBackoff.milliseconds)
    return .milliseconds(capped * Double.random(in: 0.8...1.2))
  }
}

extension Duration {
  /// The duration in (fractional) milliseconds.
  var milliseconds: Double {
    let (seconds, attoseconds) = self.components
    return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
  }
}

private func pow(_ base: Double, _ exponent: Int) -> Double {
  var result = 1.0
  for _ in 0..<max(0, exponent) { result *= base }
  return result
}
