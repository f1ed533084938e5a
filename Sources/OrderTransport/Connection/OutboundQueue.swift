import NIOCore
import Synchronization

/// Frames waiting to be written to one connection, already encoded into a single buffer.
///
/// Any task may append frames; one writer task takes everything pending at once and writes
/// it with a single write and flush, so frames from many calls share a syscall. When more
/// than `highWatermark` bytes are pending (the socket is slow or unwritable), appenders
/// suspend until the writer has taken the batch: memory stays bounded. Control frames skip
/// that wait, up to `controlAllowance` bytes over the watermark: a peer that keeps sending
/// PINGs or refused calls without reading the answers is disconnected
/// (``PeerNotReading``) instead of growing the queue.
final class OutboundQueue: Sendable {
  /// Room for control frames above the watermark. Default 64 KiB.
  static let defaultControlAllowance = 64 << 10

  private struct State {
    var pending: ByteBuffer
    var writer: CheckedContinuation<Void, Never>?
    var waiters: [UInt64: CheckedContinuation<Void, any Error>] = [:]
    var nextWaiterID: UInt64 = 0
    /// Set by `finish`: the writer drains what is pending, then stops.
    var isFinishing = false
    /// Set by `close`: nothing more is accepted or written.
    var closedError: (any Error)?
  }

  private let state: Mutex<State>
  private let highWatermark: Int
  private let controlAllowance: Int?
  private let allocator: ByteBufferAllocator

  /// - Parameter controlAllowance: nil lets control frames grow the queue without limit.
  init(highWatermark: Int, controlAllowance: Int? = nil, allocator: ByteBufferAllocator = ByteBufferAllocator()) {
    self.highWatermark = highWatermark
    self.controlAllowance = controlAllowance
    self.allocator = allocator
    self.state = Mutex(State(pending: allocator.buffer(capacity: 4096)))
  }

  /// Appends the frames `encode` writes, waiting first while the queue is over its watermark.
  func enqueue<T>(_ encode: (inout ByteBuffer) throws -> T) async throws -> T {
    while true {
      let outcome: EnqueueOutcome<T> = try self.state.withLock { state in
        try Self.checkOpen(state)
        if state.pending.readableBytes >= self.highWatermark { return .full }
        let result = try encode(&state.pending)
        defer { state.writer = nil }
        return .done(result, state.writer)
      }
      switch outcome {
      case .done(let result, let writer):
        writer?.resume()
        return result
      case .full:
        try await self.waitForSpace()
      }
    }
  }

  /// Appends frames without waiting for space: for small control frames (PING acks,
  /// GOAWAY, CANCEL) that must not wait behind data.
  func enqueueNow(_ encode: (inout ByteBuffer) throws -> Void) throws {
    let writer = try self.state.withLock { state in
      try Self.checkOpen(state)
      if let allowance = self.controlAllowance, state.pending.readableBytes > self.highWatermark + allowance {
        throw PeerNotReading(pendingBytes: state.pending.readableBytes)
      }
      try encode(&state.pending)
      defer { state.writer = nil }
      return state.writer
    }
    writer?.resume()
  }

  private static func checkOpen(_ state: State) throws {
    if let error = state.closedError { throw error }
    if state.isFinishing { throw ConnectionClosing() }
  }

  private func waitForSpace() async throws {
    let id = self.state.withLock { state in
      defer { state.nextWaiterID += 1 }
      return state.nextWaiterID
    }
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
        let result: Result<Void, any Error>? = self.state.withLock { state in
          if Task.isCancelled { return .failure(CancellationError()) }
          if let error = state.closedError { return .failure(error) }
          if state.pending.readableBytes < self.highWatermark || state.isFinishing { return .success(()) }
          state.waiters[id] = continuation
          return nil
        }
        if let result { continuation.resume(with: result) }
      }
    } onCancel: {
      self.state.withLock { $0.waiters.removeValue(forKey: id) }?.resume(throwing: CancellationError())
    }
  }

  /// The writer's side: everything pending, or nil once the queue is finished and drained
  /// (or closed). Suspends while nothing is pending.
  func nextBatch() async -> ByteBuffer? {
    while true {
      enum Outcome {
        case batch(ByteBuffer, [CheckedContinuation<Void, any Error>])
        case end
        case wait
      }
      let outcome: Outcome = self.state.withLock { state in
        if state.closedError != nil { return .end }
        if state.pending.readableBytes > 0 {
          let batch = state.pending
          state.pending = self.allocator.buffer(capacity: max(4096, batch.readableBytes))
          let waiters = Array(state.waiters.values)
          state.waiters.removeAll()
          return .batch(batch, waiters)
        }
        return state.isFinishing ? .end : .wait
      }
      switch outcome {
      case .batch(let batch, let waiters):
        for waiter in waiters { waiter.resume() }
        return batch
      case .end:
        return nil
      case .wait:
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
          let ready = self.state.withLock { state in
            if state.pending.readableBytes > 0 || state.isFinishing || state.closedError != nil {
              return true
            }
            state.writer = continuation
            return false
          }
          if ready { continuation.resume() }
        }
      }
    }
  }

  /// Stops accepting frames; the writer writes what is pending, then stops.
  func finish() {
    let (writer, waiters) = self.state.withLock { state in
      state.isFinishing = true
      defer {
        state.writer = nil
        state.waiters.removeAll()
      }
      return (state.writer, Array(state.waiters.values))
    }
    writer?.resume()
    for waiter in waiters { waiter.resume(throwing: ConnectionClosing()) }
  }

  /// Drops everything: pending frames are discarded and appenders get `error`.
  func close(error: any Error) {
    let (writer, waiters) = self.state.withLock { state in
      if state.closedError == nil { state.closedError = error }
      state.pending.clear()
      defer {
        state.writer = nil
        state.waiters.removeAll()
      }
      return (state.writer, Array(state.waiters.values))
    }
    writer?.resume()
    for waiter in waiters { waiter.resume(throwing: error) }
  }
}

/// The connection is shutting down and takes no new frames.
struct ConnectionClosing: Error {}

/// Control frames piled up past the watermark and its allowance: the peer does not read.
struct PeerNotReading: Error, CustomStringConvertible {
  var pendingBytes: Int
  var description: String { "the peer reads nothing: \(self.pendingBytes) bytes wait to be sent" }
}

private enum EnqueueOutcome<T> {
  case done(T, CheckedContinuation<Void, Never>?)
  case full
}
