import Dispatch
import Foundation

/// Runs `body` until it returns or the process receives SIGINT or SIGTERM; a signal cancels
/// `body` and returns normally, so a long-running command stopped by the user exits 0.
func untilInterrupted(_ body: @escaping @Sendable () async throws -> Void) async throws {
  let (signals, continuation) = AsyncStream.makeStream(of: Int32.self)
  let sources = [SIGINT, SIGTERM].map { number in
    // Ignored by default so that only the source sees the signal.
    signal(number, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
    source.setEventHandler { continuation.yield(number) }
    source.resume()
    return source
  }
  defer {
    for source in sources { source.cancel() }
    continuation.finish()
  }
  try await withThrowingTaskGroup(of: Void.self) { group in
    group.addTask { try await body() }
    group.addTask {
      for await _ in signals { return }
    }
    // The first to finish decides; the other is cancelled.
    try await group.next()
    group.cancelAll()
  }
}
