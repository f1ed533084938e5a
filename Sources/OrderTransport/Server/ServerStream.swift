import GRPCCore
import Synchronization

/// One call on a server connection: its request inbox and whether responses may still be sent.
final class ServerStream: Sendable {
  typealias Part = RPCRequestPart<WireTransport.Bytes>

  private struct State {
    var handle: ServerContext.RPCCancellationHandle?
    var cancelled = false
    var outboundOpen = true
  }

  let id: UInt32
  let inbox: StreamInbox<Part>
  private let state = Mutex(State())

  init(id: UInt32, bufferSize: Int, ledger: InboundLedger? = nil) {
    self.id = id
    self.inbox = StreamInbox(capacity: bufferSize, ledger: ledger)
  }

  /// Attaches the handler's cancellation handle; cancels it at once if the call already ended.
  func attach(_ handle: ServerContext.RPCCancellationHandle) {
    let cancelled = self.state.withLock { state in
      state.handle = handle
      return state.cancelled
    }
    if cancelled { handle.cancel() }
  }

  /// The peer abandoned the call (CANCEL, connection lost) or the transport reset it: the
  /// handler is told through its cancellation handle and its request stream fails.
  func cancel(_ error: RPCError) {
    let handle = self.state.withLock { state in
      state.cancelled = true
      state.outboundOpen = false
      return state.handle
    }
    self.inbox.finish(throwing: error)
    handle?.cancel()
  }

  var isOutboundOpen: Bool { self.state.withLock { $0.outboundOpen } }

  /// Marks the response as complete; true if it was still open (so trailers should be sent).
  func closeOutbound() -> Bool {
    self.state.withLock { state in
      defer { state.outboundOpen = false }
      return state.outboundOpen
    }
  }
}
