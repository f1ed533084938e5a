import Foundation

/// Runs blocking work (waiting for a process, reading a pipe) on its own thread, so that it
/// never occupies one of the few threads of Swift's cooperative pool that every other test
/// of the parallel run needs.
public func onOwnThread<T: Sendable>(_ body: @Sendable @escaping () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { continuation in
    let thread = Thread {
      continuation.resume(with: Result { try body() })
    }
    thread.start()
  }
}
