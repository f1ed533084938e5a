import NIOCore
import OrderTransport
import OrderWire

/// A server connection without I/O: applies decoded frames to a ``ServerConnectionState``
/// the way `ServerConnection.handle` does (open, look up and close streams, decompress
/// messages), and checks the state against its own record of the streams after every frame.
struct ConnectionModel {
  /// Why the model stopped taking frames.
  enum End: Equatable {
    /// The client broke a rule: GOAWAY with this error, then close.
    case violation(WireError)
    /// Draining and no stream left: the server closes the connection.
    case drained
  }

  private var state: ServerConnectionState<UInt32>
  private var open: Set<UInt32> = []
  private var draining: UInt32?
  private var frames = 0
  private let input: FuzzInput
  private let limits: WireLimits

  init(input: FuzzInput, limits: WireLimits) {
    self.input = input
    self.limits = limits
    self.state = ServerConnectionState(maxConcurrentStreams: input.maxConcurrentStreams)
  }

  /// Applies one frame; non-nil when the connection ends with it.
  mutating func apply(_ frame: Frame) throws(FuzzFailure) -> End? {
    let end = try self.handle(frame)
    try self.checkTable()
    if end != nil { return end }
    self.frames += 1
    if self.frames == self.input.drainAfterFrames { return try self.beginDraining() }
    return nil
  }

  /// The connection is gone: the state hands back exactly the streams still open.
  mutating func shutDown() throws(FuzzFailure) {
    let remaining = Set(self.state.shutDown())
    guard remaining == self.open else {
      throw FuzzFailure("shutDown returned streams \(remaining.sorted()), open were \(self.open.sorted())")
    }
  }

  private mutating func handle(_ frame: Frame) throws(FuzzFailure) -> End? {
    switch frame {
    case .preface:
      guard self.frames == 0, !self.input.afterPreface else {
        throw FuzzFailure("a preface was decoded after the start of the connection")
      }
      return nil
    case .headers(let id, _, let endStream):
      return try self.openStream(id, endStream: endStream)
    case .message(let id, let message):
      guard case .open = try self.lookUp(id) else { return self.lookUpEnd(id, "MESSAGE") }
      if message.hasMessage, !(try self.accepts(message)) {
        // The server resets the stream: TRAILERS with the error, the slot freed.
        if let end = try self.close(id) { return end }
      }
      if message.isEndStream { return try self.halfClose(id) }
      return nil
    case .cancel(let id, _):
      guard case .open = try self.lookUp(id) else { return self.lookUpEnd(id, "CANCEL") }
      return try self.close(id)
    case .ping, .goAway:
      return nil
    case .trailers:
      return .violation(.protocolError("TRAILERS may only be sent by the server"))
    }
  }

  private mutating func openStream(_ id: UInt32, endStream: Bool) throws(FuzzFailure) -> End? {
    let highest = self.state.highestStreamID
    let wasFull = self.open.count >= self.input.maxConcurrentStreams
    switch self.state.open(id, id) {
    case .violation(let error):
      guard error.code == .protocolError, id % 2 == 0 || id <= highest else {
        throw FuzzFailure("HEADERS on stream \(id) (highest \(highest)) refused as a violation: \(error)")
      }
      return .violation(error)
    case .refused(let reason):
      guard id % 2 == 1, id > highest, wasFull || self.draining.map({ id > $0 }) == true else {
        throw FuzzFailure("HEADERS on stream \(id) refused without cause: \(reason)")
      }
    case .opened:
      guard id % 2 == 1, id > highest, !wasFull, self.draining.map({ id <= $0 }) ?? true else {
        throw FuzzFailure("stream \(id) opened against the rules (highest \(highest), open \(self.open.count))")
      }
      self.open.insert(id)
      if endStream { return try self.halfClose(id) }
    }
    guard self.state.highestStreamID == id else {
      throw FuzzFailure("after HEADERS on stream \(id) the highest id is \(self.state.highestStreamID)")
    }
    return nil
  }

  /// The state's answer for `id`, checked against the model's record.
  private func lookUp(_ id: UInt32) throws(FuzzFailure) -> ServerConnectionState<UInt32>.Lookup {
    let lookup = self.state.lookup(id)
    let consistent: Bool
    switch lookup {
    case .open(let stream): consistent = stream == id && self.open.contains(id)
    case .closed: consistent = !self.open.contains(id) && id <= self.state.highestStreamID
    case .idle: consistent = id > self.state.highestStreamID
    }
    guard consistent else {
      throw FuzzFailure("lookup(\(id)) is \(lookup); open \(self.open.sorted()), highest \(self.state.highestStreamID)")
    }
    return lookup
  }

  /// A frame for a stream that is not open: ignored if the id was passed, else a violation.
  private func lookUpEnd(_ id: UInt32, _ frame: String) -> End? {
    guard case .idle = self.state.lookup(id) else { return nil }
    return .violation(.protocolError("\(frame) on stream \(id), which was never opened"))
  }

  /// Whether the server hands the message to the handler (else it resets the stream).
  private func accepts(_ message: MessageFrame) throws(FuzzFailure) -> Bool {
    guard message.isCompressed else { return message.bytes.readableBytes <= self.limits.maxMessageSize }
    return try DecompressionCheck.decompress(message.bytes, maxSize: self.limits.maxMessageSize) != nil
  }

  /// The request stream ended; with handlers that end then, the call ends too.
  private mutating func halfClose(_ id: UInt32) throws(FuzzFailure) -> End? {
    guard self.input.handlersEndOnHalfClose, self.open.contains(id) else { return nil }
    return try self.close(id)
  }

  private mutating func close(_ id: UInt32) throws(FuzzFailure) -> End? {
    let closeNow = self.state.close(id)
    self.open.remove(id)
    guard closeNow == (self.draining != nil && self.open.isEmpty) else {
      throw FuzzFailure("closing stream \(id): closeNow \(closeNow), draining \(String(describing: self.draining))")
    }
    return closeNow ? .drained : nil
  }

  private mutating func beginDraining() throws(FuzzFailure) -> End? {
    guard let (lastStreamID, closeNow) = self.state.beginDraining() else {
      throw FuzzFailure("beginDraining refused on an active connection")
    }
    guard lastStreamID == self.state.highestStreamID, closeNow == self.open.isEmpty else {
      throw FuzzFailure("draining announced \(lastStreamID), closeNow \(closeNow) with open \(self.open.sorted())")
    }
    guard self.state.beginDraining() == nil else { throw FuzzFailure("began draining twice") }
    self.draining = lastStreamID
    return closeNow ? .drained : nil
  }

  /// The state's table is the model's, and within the limit.
  private func checkTable() throws(FuzzFailure) {
    guard Set(self.state.streams.keys) == self.open, self.open.count <= self.state.maxConcurrentStreams else {
      throw FuzzFailure(
        "open streams \(self.state.streams.keys.sorted()), expected \(self.open.sorted()) "
          + "(limit \(self.state.maxConcurrentStreams))"
      )
    }
  }
}
