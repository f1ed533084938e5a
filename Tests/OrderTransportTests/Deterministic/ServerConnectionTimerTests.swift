import GRPCCore
import NIOCore
import OrderWire
import Testing

@testable import OrderTransport

/// PROTOCOL.md §7.1 and §4 on a virtual clock: the preface, idle and keepalive timeouts and
/// call deadlines fire when the test moves the connection's clock, never by waiting.
@Suite("Server connection timers on a virtual clock", .timeLimit(.minutes(1)))
struct ServerConnectionTimerTests {
  static func config(_ configure: (inout WireTransport.ServerConfig) -> Void) -> WireTransport.ServerConfig {
    var config = WireTransport.ServerConfig()
    configure(&config)
    return config
  }

  static func call(_ id: UInt32, _ method: String, timeout: UInt64? = nil) -> Frame {
    .headers(
      streamID: id, CallHeaders(path: ScriptedHandlers.path(method), timeoutMicroseconds: timeout), endStream: false)
  }

  static func message(_ id: UInt32, _ text: String, end: Bool = true) -> Frame {
    .message(streamID: id, .data(ByteBuffer(string: text), endStream: end))
  }

  @Test(
    "a connection that sends no preface, or half of one, gets GOAWAY PROTOCOL_ERROR at the timeout and is closed",
    arguments: [0, 6])
  func prefaceTimeout(prefix: Int) async throws {
    try await TestingServerConnection.with(config: Self.config { $0.connections.prefaceTimeout = .seconds(10) }) {
      peer in
      if prefix > 0 { try await peer.send(ByteBuffer.clientPreface.getSlice(at: 0, length: prefix)!) }
      await peer.advance(by: .seconds(10))
      let frames = try await peer.remainingFrames()
      guard case .goAway(let goAway) = frames.first, frames.count == 1 else {
        Issue.record("expected one GOAWAY, then close: \(frames)")
        return
      }
      #expect(goAway.code == .protocolError)
      #expect(goAway.message.contains("no connection preface within"))
    }
  }

  @Test("a preface in time keeps the connection past the preface timeout")
  func prefaceInTime() async throws {
    try await TestingServerConnection.with(config: Self.config { $0.connections.prefaceTimeout = .seconds(10) }) {
      peer in
      try await peer.send(.preface(Preface()))
      #expect(try await peer.sync().isEmpty)
      await peer.advance(by: .seconds(20))
      #expect(try await peer.sync().isEmpty)
    }
  }

  @Test("a connection without calls is closed after the idle timeout with GOAWAY NO_ERROR")
  func idleTimeout() async throws {
    try await TestingServerConnection.with(
      config: Self.config {
        $0.connections.idleTimeout = .seconds(300)
        $0.connections.keepaliveInterval = .seconds(3600)
      }
    ) {
      peer in
      try await peer.send(.preface(Preface()), Self.call(1, "Echo"), Self.message(1, "one call first"))
      #expect(try await peer.trailers(of: 1).code == 0)
      await peer.advance(by: .seconds(299))
      #expect(try await peer.sync().isEmpty, "not idle yet")
      await peer.advance(by: .seconds(1))
      let frames = try await peer.remainingFrames()
      guard case .goAway(let goAway) = frames.first, frames.count == 1 else {
        Issue.record("expected one GOAWAY, then close: \(frames)")
        return
      }
      #expect(goAway.code == .noError)
      #expect(goAway.lastStreamID == 1)
      #expect(goAway.message.contains("had no call"))
    }
  }

  @Test("a connection with a call in progress is not idle; the idle time counts from the call's end")
  func busyIsNotIdle() async throws {
    try await TestingServerConnection.with(
      config: Self.config {
        $0.connections.idleTimeout = .seconds(300)
        $0.connections.keepaliveInterval = .seconds(3600)
      }
    ) {
      peer in
      try await peer.send(.preface(Preface()), Self.call(1, "Echo"), Self.message(1, "open", end: false))
      #expect(try await peer.next(2).count == 2, "HEADERS and the echoed MESSAGE")
      await peer.advance(by: .seconds(900))
      #expect(try await peer.sync().isEmpty, "no GOAWAY while the call is open")
      try await peer.send(.message(streamID: 1, .endOfStream))
      #expect(try await peer.trailers(of: 1).code == 0)
      await peer.advance(by: .seconds(299))
      #expect(try await peer.sync().isEmpty)
      await peer.advance(by: .seconds(1))
      guard case .goAway(let goAway) = try await peer.nextFrame() else {
        Issue.record("no GOAWAY after the idle timeout")
        return
      }
      #expect(goAway.code == .noError)
    }
  }

  @Test("a peer that answers nothing after a keepalive PING is closed without GOAWAY; its call is cancelled")
  func keepaliveClosesDeadPeer() async throws {
    let config = Self.config {
      $0.connections.keepaliveInterval = .seconds(60)
      $0.connections.keepaliveTimeout = .seconds(20)
    }
    try await TestingServerConnection.with(config: config) { peer in
      try await peer.send(.preface(Preface()), Self.call(1, "Wait"), Self.message(1, ""))
      #expect(try await peer.sync().isEmpty)
      await peer.advance(by: .seconds(60))
      #expect(try await peer.nextFrame() == .ping(data: ServerConnection.keepalivePayload, ack: false))
      await peer.advance(by: .seconds(20))
      #expect(try await peer.remainingFrames().isEmpty)
      #expect(await peer.nextEvent() == "cancelled")
    }
  }

  @Test("a peer that answers keeps its call going past many keepalive intervals")
  func keepaliveSparesLivePeer() async throws {
    let config = Self.config {
      $0.connections.keepaliveInterval = .seconds(60)
      $0.connections.keepaliveTimeout = .seconds(20)
    }
    try await TestingServerConnection.with(config: config) { peer in
      try await peer.send(.preface(Preface()), Self.call(1, "Echo"), Self.message(1, "long call", end: false))
      #expect(try await peer.next(2).count == 2, "HEADERS and the echoed MESSAGE")
      for _ in 0..<5 {
        // 60 s after the last frame (the answer): a PING; its 20 s pass in the next step.
        await peer.advance(by: .seconds(60))
        #expect(try await peer.nextFrame() == .ping(data: ServerConnection.keepalivePayload, ack: false))
        try await peer.send(.ping(data: ServerConnection.keepalivePayload, ack: true))
        #expect(try await peer.sync().isEmpty)
      }
      try await peer.send(.message(streamID: 1, .endOfStream))
      #expect(try await peer.trailers(of: 1).code == 0)
    }
  }

  @Test("a deadline is enforced while the request is unfinished: DEADLINE_EXCEEDED, handler cancelled, slot freed")
  func deadlineWithoutRequest() async throws {
    try await TestingServerConnection.with(config: Self.config { $0.maxConcurrentStreams = 1 }) { peer in
      try await peer.send(.preface(Preface()), Self.call(1, "Wait", timeout: 300_000))
      #expect(try await peer.sync().isEmpty)
      await peer.advance(by: .milliseconds(299))
      #expect(try await peer.sync().isEmpty, "the deadline has not passed")
      await peer.advance(by: .milliseconds(1))
      guard case .trailers(1, let trailers) = try await peer.nextFrame() else {
        Issue.record("no TRAILERS at the deadline")
        return
      }
      #expect(trailers.code == UInt32(Status.Code.deadlineExceeded.rawValue))
      #expect(await peer.nextEvent() == "cancelled")
      // The only slot is free again.
      try await peer.send(Self.call(3, "Echo"), Self.message(3, "next"))
      #expect(try await peer.trailers(of: 3).code == 0)
    }
  }
}
