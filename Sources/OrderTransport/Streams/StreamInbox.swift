import NIOCore
import Synchronization

/// The bounded buffer between a connection's frame reader and one stream's consumer.
///
/// Backpressure: when more than `capacity` bytes are buffered, ``send(_:size:within:)``
/// suspends the connection's reader until the consumer catches up. While it is suspended the
/// connection reads nothing more, NIO stops reading the socket, and TCP pushes back on the
/// peer. A server bounds that wait (`within`), then fails the stalled call, so one slow
/// stream delays the others for a bounded time and never exhausts memory.
///
/// With a `ledger`, the sizes sent here were reserved by the sender; the inbox gives them
/// back once the consumer has read them and the stream has ended (see ``InboundLedger``).
final class StreamInbox<Element: Sendable>: Sendable {
  private struct State {
    var buffer = CircularBuffer<(element: Element, size: Int)>()
    var bufferedBytes = 0
    /// Bytes the consumer read before the stream ended, still counted in the ledger.
    var retainedBytes = 0
    /// Set once the producer is done; delivered after the buffer drains.
    var end: Result<Void, any Error>?
    var consumer: CheckedContinuation<Element?, any Error>?
    var producer: CheckedContinuation<Void, Never>?
    /// The consumer will read no more: drop everything, never block the producer.
    var isClosed = false
  }

  private enum SendAction {
    case none, drop, wait
    case resume(CheckedContinuation<Element?, any Error>)
  }

  private enum NextAction {
    case element(Element, CheckedContinuation<Void, Never>?, released: Int)
    case end(Result<Void, any Error>)
    case wait
  }

  private let capacity: Int
  private let ledger: InboundLedger?
  private let state = Mutex(State())

  init(capacity: Int, ledger: InboundLedger? = nil) {
    self.capacity = capacity
    self.ledger = ledger
  }

  /// Delivers `element`; suspends while the buffer holds more than `capacity` bytes, at
  /// most for `timeout` if given. Returns false if the consumer did not make room in time.
  @discardableResult
  func send(_ element: Element, size: Int, within timeout: Duration? = nil) async -> Bool {
    let action: SendAction = self.state.withLock { state in
      if state.isClosed || state.end != nil { return .drop }
      if let consumer = state.consumer {
        state.consumer = nil
        state.retainedBytes += size
        return .resume(consumer)
      }
      state.buffer.append((element, size))
      state.bufferedBytes += size
      return state.bufferedBytes > self.capacity ? .wait : .none
    }
    switch action {
    case .none: return true
    case .drop:
      self.ledger?.release(size)
      return true
    case .resume(let consumer):
      consumer.resume(returning: element)
      return true
    case .wait:
      guard let timeout else {
        await self.waitForSpace()
        return true
      }
      return await withTaskGroup(of: Bool.self) { group in
        group.addTask {
          await self.waitForSpace()
          return true
        }
        group.addTask {
          try? await Task.sleep(for: timeout)
          return false
        }
        let first = await group.next() ?? true
        group.cancelAll()
        return first
      }
    }
  }

  private func waitForSpace() async {
    await withTaskCancellationHandler {
      await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
        let ready = self.state.withLock { state in
          if state.isClosed || state.bufferedBytes <= self.capacity || Task.isCancelled {
            return true
          }
          state.producer = continuation
          return false
        }
        if ready { continuation.resume() }
      }
    } onCancel: {
      self.state.withLock { state -> CheckedContinuation<Void, Never>? in
        defer { state.producer = nil }
        return state.producer
      }?.resume()
    }
  }

  /// Ends the stream after the buffered elements: normally, or with `error`.
  func finish(throwing error: (any Error)? = nil) {
    let (consumer, released) = self.state.withLock { state -> (CheckedContinuation<Element?, any Error>?, Int) in
      guard state.end == nil else { return (nil, 0) }
      state.end = error.map { .failure($0) } ?? .success(())
      defer {
        state.consumer = nil
        state.retainedBytes = 0
      }
      return (state.consumer, state.retainedBytes)
    }
    self.ledger?.release(released)
    if let error {
      consumer?.resume(throwing: error)
    } else {
      consumer?.resume(returning: nil)
    }
  }

  /// The consumer is gone: discard buffered elements and release a waiting producer.
  func close() {
    let (producer, consumer, released) = self.state.withLock { state in
      state.isClosed = true
      state.buffer.removeAll()
      defer {
        state.producer = nil
        state.consumer = nil
        state.bufferedBytes = 0
        state.retainedBytes = 0
      }
      return (state.producer, state.consumer, state.bufferedBytes + state.retainedBytes)
    }
    self.ledger?.release(released)
    producer?.resume()
    consumer?.resume(returning: nil)
  }

  /// The next element, nil at the end; throws the error the stream finished with (once).
  /// Returns nil if the consuming task is cancelled.
  func next() async throws -> Element? {
    let action: NextAction = self.state.withLock { state in
      if let (element, size) = state.buffer.popFirst() {
        state.bufferedBytes -= size
        var producer: CheckedContinuation<Void, Never>?
        if state.bufferedBytes <= self.capacity {
          producer = state.producer
          state.producer = nil
        }
        return .element(element, producer, released: Self.consumed(size, in: &state))
      }
      if let end = state.end {
        state.end = .success(())
        return .end(end)
      }
      return state.isClosed ? .end(.success(())) : .wait
    }
    switch action {
    case .element(let element, let producer, let released):
      self.ledger?.release(released)
      producer?.resume()
      return element
    case .end(let result):
      try result.get()
      return nil
    case .wait:
      return try await self.waitForElement()
    }
  }

  private func waitForElement() async throws -> Element? {
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Element?, any Error>) in
        let now: NextAction = self.state.withLock { state in
          if let (element, size) = state.buffer.popFirst() {
            state.bufferedBytes -= size
            return .element(element, nil, released: Self.consumed(size, in: &state))
          }
          if let end = state.end {
            state.end = .success(())
            return .end(end)
          }
          if state.isClosed || Task.isCancelled { return .end(.success(())) }
          state.consumer = continuation
          return .wait
        }
        switch now {
        case .element(let element, _, let released):
          self.ledger?.release(released)
          continuation.resume(returning: element)
        case .end(.success): continuation.resume(returning: nil)
        case .end(.failure(let error)): continuation.resume(throwing: error)
        case .wait: ()
        }
      }
    } onCancel: {
      self.state.withLock { state -> CheckedContinuation<Element?, any Error>? in
        defer { state.consumer = nil }
        return state.consumer
      }?.resume(returning: nil)
    }
  }
}

extension StreamInbox {
  /// Bytes to give back to the ledger for an element just read: at once if the stream has
  /// ended, else when it ends.
  private static func consumed(_ size: Int, in state: inout State) -> Int {
    if state.end != nil { return size }
    state.retainedBytes += size
    return 0
  }
}

extension StreamInbox {
  /// The inbox as an `AsyncSequence`, for `RPCAsyncSequence(wrapping:)`.
  struct Messages: AsyncSequence, Sendable {
    typealias Failure = any Error
    let inbox: StreamInbox

    func makeAsyncIterator() -> Iterator {
      Iterator(inbox: self.inbox)
    }

    struct Iterator: AsyncIteratorProtocol {
      let inbox: StreamInbox

      mutating func next() async throws -> Element? {
        try await self.inbox.next()
      }
    }
  }

  var messages: Messages { Messages(inbox: self) }
}
