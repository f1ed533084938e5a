import Synchronization

/// Lets one operation at a time through, in arrival order, without blocking a thread: the
/// others suspend on a continuation. A caller cancelled while it waits leaves the queue at
/// once with `CancellationError`; the operation that holds the gate runs in its caller's
/// own task, so cancelling that caller cancels the operation.
final class SerialGate: Sendable {
  private struct State {
    var busy = false
    var queue: [(id: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
    var nextID: UInt64 = 0
  }

  private let state = Mutex(State())

  init() {}

  /// How many callers wait for their turn now.
  var waitingCount: Int { self.state.withLock { $0.queue.count } }

  /// Runs `operation` once every operation that arrived before it has finished.
  func run<T>(_ operation: () async throws -> T) async throws -> T {
    try await self.enter()
    defer { self.leave() }
    return try await operation()
  }

  private func enter() async throws {
    let id = self.state.withLock { state in
      state.nextID &+= 1
      return state.nextID
    }
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
        enum Now { case enter, cancelled, wait }
        let now = self.state.withLock { state -> Now in
          if Task.isCancelled { return .cancelled }
          if !state.busy {
            state.busy = true
            return .enter
          }
          state.queue.append((id, continuation))
          return .wait
        }
        switch now {
        case .enter: continuation.resume()
        case .cancelled: continuation.resume(throwing: CancellationError())
        case .wait: break
        }
      }
    } onCancel: {
      let waiting = self.state.withLock { state -> CheckedContinuation<Void, any Error>? in
        guard let index = state.queue.firstIndex(where: { $0.id == id }) else { return nil }
        return state.queue.remove(at: index).continuation
      }
      waiting?.resume(throwing: CancellationError())
    }
  }

  /// Hands the gate to the longest waiting caller, or opens it.
  private func leave() {
    let next = self.state.withLock { state -> CheckedContinuation<Void, any Error>? in
      guard !state.queue.isEmpty else {
        state.busy = false
        return nil
      }
      return state.queue.removeFirst().continuation
    }
    next?.resume()
  }
}
