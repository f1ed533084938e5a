import GRPCCore
import Synchronization

/// One call on a client connection: its response inbox, id and progress.
final class ClientStream: Sendable {
  typealias Part = RPCResponsePart<OrderTransport.Bytes>

  private struct State {
    var id: UInt32?
    /// The response ended (TRAILERS, CANCEL, error) or the call was abandoned.
    var isComplete = false
    var isRequestClosed = false
  }

  let inbox: StreamInbox<Part>
  /// Whether this call wants its request messages compressed (if the server accepts).
  let compress: Bool
  private let state = Mutex(State())

  init(bufferSize: Int, compress: Bool) {
    self.inbox = StreamInbox(capacity: bufferSize)
    self.compress = compress
  }

  var id: UInt32? { self.state.withLock { $0.id } }

  func setID(_ id: UInt32) {
    self.state.withLock { $0.id = id }
  }

  var isComplete: Bool { self.state.withLock { $0.isComplete } }

  /// Marks the response as ended; true if it had not ended yet.
  func complete() -> Bool {
    self.state.withLock { state in
      defer { state.isComplete = true }
      return !state.isComplete
    }
  }

  /// Marks the request stream as closed; returns the id if a half-close should be sent.
  func closeRequest() -> UInt32? {
    self.state.withLock { state in
      guard let id = state.id, !state.isRequestClosed, !state.isComplete else { return nil }
      state.isRequestClosed = true
      return id
    }
  }

  /// Fails the call with `error` unless it already ended.
  func fail(_ error: RPCError) {
    if self.complete() { self.inbox.finish(throwing: error) }
  }
}
