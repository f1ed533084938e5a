import Synchronization

/// The request bytes one server connection holds, against a budget: a message counts from
/// its arrival until its call's handler has read it and the request stream has ended (or
/// the call ended). So a peer that never finishes its requests, or a handler that never
/// reads, holds at most the budget of one connection.
final class InboundLedger: Sendable {
  private struct State {
    var held = 0
    /// The connection's reader, waiting for room (one reader per connection).
    var waiter: (bytes: Int, continuation: CheckedContinuation<Bool, Never>)?
  }

  let budget: Int
  private let state = Mutex(State())

  init(budget: Int) {
    self.budget = budget
  }

  var heldBytes: Int { self.state.withLock { $0.held } }

  /// Counts `bytes` against the budget if they fit (a message always fits when nothing is
  /// held), waiting up to `timeout` for room; false if there was none in time.
  func reserve(_ bytes: Int, within timeout: Duration) async -> Bool {
    if self.state.withLock({ Self.take(bytes, from: &$0, budget: self.budget) }) { return true }
    return await withTaskGroup(of: Bool.self) { group in
      group.addTask { await self.waitForRoom(bytes) }
      group.addTask {
        try? await Task.sleep(for: timeout)
        return false
      }
      var reserved = false
      // A reservation made while the timeout won still counts: keep it rather than leak it.
      for await outcome in group {
        reserved = reserved || outcome
        group.cancelAll()
      }
      return reserved
    }
  }

  /// Returns `bytes` to the budget and lets a waiting reader in if it now fits.
  func release(_ bytes: Int) {
    guard bytes > 0 else { return }
    let resume = self.state.withLock { state -> CheckedContinuation<Bool, Never>? in
      state.held -= bytes
      guard let waiter = state.waiter, Self.take(waiter.bytes, from: &state, budget: self.budget) else { return nil }
      state.waiter = nil
      return waiter.continuation
    }
    resume?.resume(returning: true)
  }

  private func waitForRoom(_ bytes: Int) async -> Bool {
    await withTaskCancellationHandler {
      await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
        let outcome: Bool? = self.state.withLock { state in
          if Self.take(bytes, from: &state, budget: self.budget) { return true }
          if Task.isCancelled { return false }
          state.waiter = (bytes, continuation)
          return nil
        }
        if let outcome { continuation.resume(returning: outcome) }
      }
    } onCancel: {
      self.state.withLock { state -> CheckedContinuation<Bool, Never>? in
        defer { state.waiter = nil }
        return state.waiter?.continuation
      }?.resume(returning: false)
    }
  }

  private static func take(_ bytes: Int, from state: inout State, budget: Int) -> Bool {
    guard state.held == 0 || state.held + bytes <= budget else { return false }
    state.held += bytes
    return true
  }
}
