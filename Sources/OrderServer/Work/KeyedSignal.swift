import Synchronization

/// Per-key generation counters that tasks can suspend on: ``wait(_:after:)`` returns once the
/// key's generation has moved past the one the caller saw, the signal is closed, or the
/// waiting task is cancelled.
///
/// Waiting is suspension on a continuation, never polling. A ring between reading the
/// generation and waiting is never lost: the wait returns at once. Cancelling a waiter
/// removes only that waiter; the signal keeps working for everyone else.
final class KeyedSignal<Key: Hashable & Sendable>: Sendable {
  private struct State {
    var generations: [Key: UInt64] = [:]
    /// Added to every key's generation: ``ringAll()`` moves every key on, including keys
    /// never rung, whose readers have not begun to wait yet.
    var everyKey: UInt64 = 0
    var waiters: [Key: [UInt64: CheckedContinuation<Void, Never>]] = [:]
    var nextWaiter: UInt64 = 0
    var closed = false

    func generation(_ key: Key) -> UInt64 { self.generations[key, default: 0] &+ self.everyKey }
  }

  private let state = Mutex(State())

  init() {}

  /// The key's current generation (0 until its first ring).
  func generation(_ key: Key) -> UInt64 {
    self.state.withLock { $0.generation(key) }
  }

  /// Moves the key's generation on and resumes everyone waiting on it.
  func ring(_ key: Key) {
    let resumed = self.state.withLock { state in
      state.generations[key, default: 0] &+= 1
      return state.waiters.removeValue(forKey: key)
    }
    resumed?.values.forEach { $0.resume() }
  }

  /// Moves every key's generation on and resumes every waiter, as if each key rang (when
  /// rings may have been missed, e.g. while a node could not hear the others).
  func ringAll() {
    let resumed = self.state.withLock { state in
      state.everyKey &+= 1
      defer { state.waiters = [:] }
      return state.waiters.values.flatMap(\.values)
    }
    resumed.forEach { $0.resume() }
  }

  /// Resumes every waiter; from now on waits return at once.
  func close() {
    let resumed = self.state.withLock { state in
      state.closed = true
      defer { state.waiters = [:] }
      return state.waiters.values.flatMap(\.values)
    }
    resumed.forEach { $0.resume() }
  }

  var isClosed: Bool { self.state.withLock { $0.closed } }

  /// How many tasks are suspended in ``wait(_:after:)`` now.
  var waiterCount: Int { self.state.withLock { $0.waiters.values.reduce(0) { $0 + $1.count } } }

  /// Suspends until the key's generation differs from `generation`, the signal is closed, or
  /// the task is cancelled.
  func wait(_ key: Key, after generation: UInt64) async {
    let id = self.state.withLock { state in
      state.nextWaiter &+= 1
      return state.nextWaiter
    }
    await withTaskCancellationHandler {
      await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
        let resumeNow = self.state.withLock { state in
          // Checked under the lock: a cancellation either comes before (seen here) or
          // after (its handler finds the waiter registered).
          if state.closed || state.generation(key) != generation || Task.isCancelled { return true }
          state.waiters[key, default: [:]][id] = continuation
          return false
        }
        if resumeNow { continuation.resume() }
      }
    } onCancel: {
      let continuation = self.state.withLock { state -> CheckedContinuation<Void, Never>? in
        guard let continuation = state.waiters[key]?.removeValue(forKey: id) else { return nil }
        if state.waiters[key]?.isEmpty == true { state.waiters[key] = nil }
        return continuation
      }
      continuation?.resume()
    }
  }

  /// Like ``wait(_:after:)``, but returns after `timeout` at the latest. Returns `true` when
  /// the generation moved or the signal closed, `false` on timeout or cancellation.
  @discardableResult
  func wait(_ key: Key, after generation: UInt64, timeout: Duration) async -> Bool {
    await withTaskGroup(of: Bool.self) { group in
      group.addTask {
        await self.wait(key, after: generation)
        return !Task.isCancelled
      }
      group.addTask {
        try? await Task.sleep(for: timeout)
        return false
      }
      let first = await group.next() ?? false
      group.cancelAll()
      return first
    }
  }
}
