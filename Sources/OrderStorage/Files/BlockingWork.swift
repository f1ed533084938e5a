import Dispatch

/// Runs blocking file work (opening, checkpointing, closing SQLite files) on Dispatch's
/// threads instead of Swift concurrency's cooperative pool, which has one thread per core:
/// a thread held by an `fsync` there would stall every task behind it.
enum BlockingWork {
  private static let queue = DispatchQueue(
    label: "orderd.storage.files", qos: .userInitiated, attributes: .concurrent)

  static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      queue.async { continuation.resume(with: Result { try work() }) }
    }
  }

  static func run(_ work: @escaping @Sendable () -> Void) async {
    await withCheckedContinuation { continuation in
      queue.async {
        work()
        continuation.resume()
      }
    }
  }
}
