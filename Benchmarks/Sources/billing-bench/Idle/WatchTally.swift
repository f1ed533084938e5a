import BenchSupport
import Synchronization

/// What the benchmark's notification watches saw, across all of them.
final class WatchTally: Sendable {
  /// Watches that received their first notification.
  let established = Atomic<Int>(0)
  /// Notifications received, all watches together.
  let delivered = Atomic<Int>(0)
  /// Times a watch was interrupted and reconnected.
  let reconnects = Atomic<Int>(0)
  /// Watches that ended with an error.
  let failures = Atomic<Int>(0)
  private let firstFailure = Mutex<String?>(nil)

  func failed(_ error: any Error) {
    self.failures.add(1, ordering: .relaxed)
    self.firstFailure.withLock { $0 = $0 ?? "\(error)" }
  }

  var firstFailureDescription: String? { self.firstFailure.withLock { $0 } }
}

/// True the first time only: marks a watch established on its first notification.
final class FirstTime: Sendable {
  private let done = Atomic(false)

  func claim() -> Bool { !self.done.exchange(true, ordering: .relaxed) }
}
