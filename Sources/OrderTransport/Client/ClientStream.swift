import GRPCCore
import Synchronization

/// One call on a client connection: its response inbox, id and progress.
final class ClientStream: Sendable {
  typealias Part = RPCResponsePart<WireTransport.Bytes>

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

  /// Gives the stream the id `assign` returns, unless the call already ended: the check
  /// and the assignment are atomic with respect to ``finishCall()``.
  func claimID(_ assign: () -> UInt32?) -> UInt32? {
    self.state.withLock { state in
      guard !state.isComplete, state.id == nil else { return nil }
      state.id = assign()
      return state.id
    }
  }

  /// The caller is done with the call. Returns the stream id if the call had not ended (so
  /// the server should be told to cancel it), and marks it ended.
  func finishCall() -> (id: UInt32?, wasOpen: Bool) {
    self.state.withLock { state in
      defer { state.isComplete = true }
      return (state.id, !state.isComplete)
    }
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
