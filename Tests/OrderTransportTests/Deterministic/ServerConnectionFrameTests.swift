import GRPCCore
import NIOCore
import OrderWire
import Testing

@testable import OrderTransport

/// PROTOCOL.md §5 and §7.2 on a testing channel: graceful GOAWAY, stream-id rules and
/// cancellation, each step ordered by the frames the server answers with.
@Suite("Server connection frames on a testing channel", .timeLimit(.minutes(1)))
struct ServerConnectionFrameTests {
  typealias Timer = ServerConnectionTimerTests

  @Test("graceful shutdown: GOAWAY NO_ERROR with the highest id, newer calls refused, close after the last call")
  func gracefulGoAway() async throws {
    try await TestingServerConnection.with { peer in
      try await peer.send(.preface(Preface()), Timer.call(1, "Echo"), Timer.message(1, "in flight", end: false))
      #expect(try await peer.next(2).count == 2, "HEADERS and the echoed MESSAGE")
      peer.connection.beginGracefulShutdown(reason: "test")
      guard case .goAway(let goAway) = try await peer.nextFrame() else {
        Issue.record("no GOAWAY")
        return
      }
      #expect(goAway.code == .noError)
      #expect(goAway.lastStreamID == 1)
      try await peer.send(Timer.call(3, "Echo"))
      guard case .trailers(3, let refused) = try await peer.sync().last else {
        Issue.record("stream 3 was not refused")
        return
      }
      #expect(refused.code == UInt32(Status.Code.unavailable.rawValue))
      try await peer.send(Timer.message(1, "last"))
      let rest = try await peer.remainingFrames()
      #expect(rest.first == .message(streamID: 1, .data(ByteBuffer(string: "last"), endStream: false)))
      guard case .trailers(1, let trailers) = rest.last, rest.count == 2 else {
        Issue.record("stream 1 did not finish before the close: \(rest)")
        return
      }
      #expect(trailers.code == 0)
    }
  }

  @Test("a reused stream id gets GOAWAY PROTOCOL_ERROR with the highest id, then close; the open call is cancelled")
  func reusedID() async throws {
    try await TestingServerConnection.with { peer in
      try await peer.send(.preface(Preface()), Timer.call(1, "Wait"))
      #expect(try await peer.sync().isEmpty)
      try await peer.send(Timer.call(1, "Wait"))
      let frames = try await peer.remainingFrames()
      guard case .goAway(let goAway) = frames.first, frames.count == 1 else {
        Issue.record("expected one GOAWAY, then close: \(frames)")
        return
      }
      #expect(goAway.code == .protocolError)
      #expect(goAway.lastStreamID == 1)
      #expect(await peer.nextEvent() == "cancelled")
    }
  }

  @Test("a MESSAGE for a stream never opened is a violation; for an ended or skipped stream it is ignored")
  func idleAndClosedStreams() async throws {
    try await TestingServerConnection.with { peer in
      try await peer.send(.preface(Preface()), Timer.call(5, "Echo"), Timer.message(5, "done"))
      #expect(try await peer.trailers(of: 5).code == 0)
      try await peer.send(Timer.message(5, "late"), Timer.message(3, "skipped"), .cancel(streamID: 1, code: 1))
      #expect(try await peer.sync().isEmpty, "frames for ended or skipped streams are ignored")
      try await peer.send(Timer.message(7, "never opened"))
      guard case .goAway(let goAway) = try await peer.nextFrame() else {
        Issue.record("no GOAWAY")
        return
      }
      #expect(goAway.code == .protocolError)
      #expect(goAway.message.contains("MESSAGE on stream 7, which was never opened"))
      #expect(try await peer.nextFrame() == nil)
    }
  }

  @Test("CANCEL cancels the handler and frees the call's slot at once")
  func cancelFreesSlot() async throws {
    try await TestingServerConnection.with(config: ServerConnectionTimerTests.config { $0.maxConcurrentStreams = 1 }) {
      peer in
      try await peer.send(.preface(Preface()), Timer.call(1, "Wait"), Timer.message(1, ""))
      #expect(try await peer.sync().isEmpty)
      try await peer.send(.cancel(streamID: 1, code: UInt32(Status.Code.cancelled.rawValue)))
      #expect(await peer.nextEvent() == "cancelled")
      try await peer.send(Timer.call(3, "Echo"), Timer.message(3, "next"))
      #expect(try await peer.trailers(of: 3).code == 0)
    }
  }

  @Test("a peer that sends PINGs but reads nothing is closed, without GOAWAY, once the answers pass the allowance")
  func peerNotReading() async throws {
    let config = ServerConnectionTimerTests.config { $0.backpressure.outboundBufferSize = 1024 }
    try await TestingServerConnection.with(config: config) { peer in
      try await peer.send(.preface(Preface()))
      #expect(try await peer.sync().isEmpty)
      peer.stopReading()
      // 18 bytes per answer. The writer takes one batch (at most 1 KiB plus the 64 KiB
      // allowance) before it waits for the socket; the answers after it pass the bound again.
      var pings = ByteBuffer()
      for data in 0..<UInt64(8000) { pings.write(.ping(data: data, ack: false)) }
      try await peer.send(pings)
      let frames = try await peer.remainingFrames()
      #expect(frames.isEmpty, "the socket took nothing more before the close")
    }
  }
}
