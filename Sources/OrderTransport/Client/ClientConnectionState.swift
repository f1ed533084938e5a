/// The streams of one client connection and its lifecycle, without I/O.
///
/// A stream is first *reserved* (the call started), then gets the next odd id when its
/// HEADERS is written, if the server's concurrency limit leaves a slot free (else the call
/// waits). The slot is freed when the response ends or the client cancels. After a GOAWAY the connection takes no new streams; streams above
/// the announced last id were not processed and fail as retryable. The connection closes
/// once it is draining and no stream is left.
struct ClientConnectionState<Stream> {
  enum State: Equatable {
    case active
    case draining(lastStreamID: UInt32)
    case closed
  }

  private(set) var state: State = .active
  private(set) var nextStreamID: UInt32 = 1
  private(set) var streams: [UInt32: Stream] = [:]
  private(set) var reserved = 0
  /// Streams holding one of the server's concurrency slots.
  private(set) var occupying: Set<UInt32> = []
  /// The server's limit from its preface; unlimited until the preface arrives.
  var peerMaxConcurrentStreams = Int.max

  enum Assignment: Equatable {
    case assigned(UInt32)
    /// Every slot is taken: wait for one to be freed, then try again.
    case full
    /// The connection takes no new streams: fail the call as retryable.
    case notActive
  }

  /// Whether new calls may use this connection.
  var isUsable: Bool { self.state == .active && self.nextStreamID < UInt32(Int32.max) }

  mutating func reserve() -> Bool {
    guard self.isUsable else { return false }
    self.reserved += 1
    return true
  }

  /// The id for a reserved stream about to send HEADERS; nil if the connection is no longer
  /// active (the call must fail as retryable).
  mutating func assignID(_ stream: Stream) -> Assignment {
    guard self.state == .active else { return .notActive }
    guard self.occupying.count < self.peerMaxConcurrentStreams else { return .full }
    let id = self.nextStreamID
    self.nextStreamID += 2
    self.reserved -= 1
    self.streams[id] = stream
    self.occupying.insert(id)
    return .assigned(id)
  }

  var hasFreeSlot: Bool { self.occupying.count < self.peerMaxConcurrentStreams }

  /// The stream's response ended (or it was cancelled): its slot is free. True if it held one.
  mutating func freeSlot(_ id: UInt32) -> Bool {
    self.occupying.remove(id) != nil
  }

  func stream(_ id: UInt32) -> Stream? {
    self.streams[id]
  }

  /// A call ended. Returns true when the connection should now close.
  mutating func release(id: UInt32?) -> Bool {
    if let id {
      self.streams.removeValue(forKey: id)
      self.occupying.remove(id)
    } else {
      self.reserved -= 1
    }
    return self.isDrained
  }

  /// The server sent GOAWAY: returns the streams it will not process and whether to close now.
  mutating func receivedGoAway(lastStreamID: UInt32) -> (refused: [Stream], closeNow: Bool) {
    guard self.state != .closed else { return ([], false) }
    self.state = .draining(lastStreamID: lastStreamID)
    let refusedIDs = self.streams.keys.filter { $0 > lastStreamID }
    let refused = refusedIDs.compactMap { self.streams.removeValue(forKey: $0) }
    self.occupying.subtract(refusedIDs)
    return (refused, self.isDrained)
  }

  /// The client is shutting down: finish the open streams, start no new ones.
  mutating func beginClosing() -> Bool {
    guard self.state == .active else { return false }
    self.state = .draining(lastStreamID: self.nextStreamID &- 2)
    return self.isDrained
  }

  /// The connection is gone: returns every stream still open, to be failed.
  mutating func shutDown() -> [Stream] {
    self.state = .closed
    self.occupying.removeAll()
    defer { self.streams.removeAll() }
    return Array(self.streams.values)
  }

  /// Draining (or out of stream ids) and no stream left.
  private var isDrained: Bool {
    switch self.state {
    case .draining: break
    case .active where self.nextStreamID >= UInt32(Int32.max): break
    case .active, .closed: return false
    }
    return self.streams.isEmpty && self.reserved == 0
  }
}
