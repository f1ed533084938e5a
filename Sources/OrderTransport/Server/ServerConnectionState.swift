import NIOCore
import OrderWire

/// The streams of one server connection and its lifecycle, without I/O.
///
/// Clients open streams with odd, strictly increasing ids. After GOAWAY (draining) streams
/// above the announced last id are refused; the connection closes when the last stream ends.
package struct ServerConnectionState<Stream> {
  package enum State: Equatable {
    case active
    case draining(lastStreamID: UInt32)
    case closed
  }

  package enum OpenResult {
    case opened
    /// Not processed, safe to retry elsewhere: answer with UNAVAILABLE.
    case refused(String)
    case violation(WireError)
  }

  package enum Lookup {
    case open(Stream)
    /// Was open; late frames for it are ignored.
    case closed
    /// Never opened: a protocol violation.
    case idle
  }

  package private(set) var state: State = .active
  package private(set) var highestStreamID: UInt32 = 0
  package private(set) var streams: [UInt32: Stream] = [:]
  /// Since when the connection has had no open stream; nil while one is open.
  package private(set) var idleSince: NIODeadline?
  package let maxConcurrentStreams: Int

  package init(maxConcurrentStreams: Int, now: NIODeadline = .now()) {
    self.maxConcurrentStreams = maxConcurrentStreams
    self.idleSince = now
  }

  package mutating func open(_ id: UInt32, _ stream: Stream) -> OpenResult {
    guard id % 2 == 1 else {
      return .violation(.protocolError("stream \(id): client streams must have odd ids"))
    }
    guard id > self.highestStreamID else {
      return .violation(
        .protocolError("stream \(id): ids must increase (highest so far \(self.highestStreamID)); ids are never reused")
      )
    }
    self.highestStreamID = id
    switch self.state {
    case .draining(let last) where id > last:
      return .refused("the server is shutting down; retry on a new connection")
    case .closed:
      return .refused("the connection is closing; retry on a new connection")
    case .active, .draining:
      break
    }
    guard self.streams.count < self.maxConcurrentStreams else {
      return .refused("too many concurrent calls on this connection (limit \(self.maxConcurrentStreams))")
    }
    self.streams[id] = stream
    self.idleSince = nil
    return .opened
  }

  package func lookup(_ id: UInt32) -> Lookup {
    if let stream = self.streams[id] { return .open(stream) }
    return id <= self.highestStreamID ? .closed : .idle
  }

  /// Returns true when the connection should now close (draining and no stream left).
  package mutating func close(_ id: UInt32, now: @autoclosure () -> NIODeadline = .now()) -> Bool {
    guard self.streams.removeValue(forKey: id) != nil else { return false }
    guard self.streams.isEmpty else { return false }
    self.idleSince = now()
    if case .draining = self.state { return true }
    return false
  }

  /// True when the connection has had no open stream for `timeout` at `now`.
  package func isIdle(for timeout: TimeAmount, now: NIODeadline) -> Bool {
    guard let idleSince = self.idleSince else { return false }
    return now - idleSince >= timeout
  }

  /// Starts a graceful shutdown: the id to announce in GOAWAY and whether to close at once.
  /// Nil if already draining or closed.
  package mutating func beginDraining() -> (lastStreamID: UInt32, closeNow: Bool)? {
    guard case .active = self.state else { return nil }
    self.state = .draining(lastStreamID: self.highestStreamID)
    return (self.highestStreamID, self.streams.isEmpty)
  }

  /// The connection is gone: returns the streams still open, to be failed.
  package mutating func shutDown() -> [Stream] {
    self.state = .closed
    defer { self.streams.removeAll() }
    return Array(self.streams.values)
  }
}
