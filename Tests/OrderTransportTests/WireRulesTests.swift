import GRPCCore
import NIOCore
import OrderTransport
import OrderWire
import Testing

/// PROTOCOL.md §5 and §12, checked with a raw client against a real server.
@Suite("Wire rules seen by a raw client", .timeLimit(.minutes(2)))
struct WireRulesTests {
  static let get = CallHeaders(path: "/echo.Echo/Get")

  /// Sends `bytes` to a fresh echo server; reads until it closes or `count` frames (its
  /// preface included) arrived.
  func exchange(_ bytes: ByteBuffer, untilFrames count: Int = .max) async throws -> (frames: [Frame], closed: Bool) {
    try await withEcho { _, server in
      let raw = try await RawConnection.connect(port: try await server.listeningAddress.port)
      return try await raw.exchange(bytes, untilFrames: count)
    }
  }

  static func goAway(in frames: [Frame]) -> GoAway? {
    for case .goAway(let goAway) in frames { return goAway }
    return nil
  }

  @Test("MESSAGE and CANCEL on ids skipped below the highest opened id are ignored")
  func skippedIDs() async throws {
    var bytes = ByteBuffer.clientPreface
    bytes.write(.headers(streamID: 5, Self.get, endStream: false))
    bytes.write(.message(streamID: 3, .data(ByteBuffer(string: "ignored"), endStream: true)))
    bytes.write(.cancel(streamID: 1, code: 1))
    bytes.write(.message(streamID: 5, .data(ByteBuffer(string: "hi"), endStream: true)))
    let (frames, _) = try await self.exchange(bytes, untilFrames: 4)
    #expect(frames.dropFirst().map(\.streamID) == [5, 5, 5])
    #expect(frames.dropFirst(2).first == .message(streamID: 5, .data(ByteBuffer(string: "hi"))))
    #expect(frames.last == .trailers(streamID: 5, CallTrailers(code: 0)))
  }

  @Test("MESSAGE or CANCEL on an id above the highest opened id is GOAWAY PROTOCOL_ERROR")
  func idleIDs() async throws {
    let frames: [(Frame, String)] = [
      (.message(streamID: 3, .data(ByteBuffer(string: "x"))), "MESSAGE on stream 3, which was never opened"),
      (.cancel(streamID: 3, code: 1), "CANCEL on stream 3, which was never opened"),
    ]
    for (frame, message) in frames {
      var bytes = ByteBuffer.clientPreface
      bytes.write(.headers(streamID: 1, Self.get, endStream: false))
      bytes.write(frame)
      let (received, closed) = try await self.exchange(bytes)
      let goAway = Self.goAway(in: received)
      #expect(goAway == GoAway(lastStreamID: 1, code: .protocolError, message: message))
      #expect(closed)
    }
  }

  @Test("stream ids use all 32 bits on the server: id 2^32 − 1 is served")
  func largestID() async throws {
    var bytes = ByteBuffer.clientPreface
    bytes.write(.headers(streamID: .max, Self.get, endStream: false))
    bytes.write(.message(streamID: .max, .data(ByteBuffer(string: "hi"), endStream: true)))
    let (frames, _) = try await self.exchange(bytes, untilFrames: 4)
    #expect(frames.last == .trailers(streamID: .max, CallTrailers(code: 0)))
  }

  @Test("a client's GOAWAY, whatever its code, changes nothing: the server keeps serving")
  func clientGoAway() async throws {
    var bytes = ByteBuffer.clientPreface
    bytes.write(.goAway(GoAway(lastStreamID: 0, code: .protocolError, message: "client leaving")))
    bytes.write(.headers(streamID: 1, Self.get, endStream: false))
    bytes.write(.message(streamID: 1, .data(ByteBuffer(string: "hi"), endStream: true)))
    let (frames, closed) = try await self.exchange(bytes, untilFrames: 4)
    #expect(frames.last == .trailers(streamID: 1, CallTrailers(code: 0)))
    #expect(!closed)
  }

  @Test("a GOAWAY payload under 8 bytes is GOAWAY FRAME_SIZE_ERROR")
  func shortGoAway() async throws {
    var bytes = ByteBuffer.clientPreface
    bytes.writeFrameHeader(FrameHeader(length: 7, type: .goAway, streamID: 0))
    bytes.writeBytes([0, 0, 0, 0, 0, 0, 0])
    let (frames, closed) = try await self.exchange(bytes)
    #expect(Self.goAway(in: frames)?.code == .frameSizeError)
    #expect(Self.goAway(in: frames)?.message == "GOAWAY payload must be at least 8 bytes")
    #expect(closed)
  }

  @Test("a binary metadata value under a key without -bin is GOAWAY PROTOCOL_ERROR, and the server lives on")
  func binaryValueWithoutBinKey() async throws {
    try await withEcho { client, server in
      let port = try await server.listeningAddress.port
      var bytes = ByteBuffer.clientPreface
      let headers = CallHeaders(path: "/echo.Echo/Get", metadata: [.binary("x-key", [1])])
      bytes.write(.headers(streamID: 1, headers, endStream: true))
      let (frames, closed) = try await RawConnection.connect(port: port).exchange(bytes)
      #expect(Self.goAway(in: frames)?.code == .protocolError)
      #expect(
        Self.goAway(in: frames)?.message == "metadata entry 0 ('x-key'): a binary value needs a key ending in -bin")
      #expect(closed)
      #expect(try await client.echo("still serving") == "still serving")
    }
  }

  @Test("the server ends a call early with TRAILERS, not CANCEL (a corrupt compressed message)")
  func serverEndsWithTrailers() async throws {
    var bytes = ByteBuffer.clientPreface
    bytes.write(.headers(streamID: 1, Self.get, endStream: false))
    bytes.write(.message(streamID: 1, .data(ByteBuffer(bytes: [1, 2, 3]), compressed: true, endStream: true)))
    let (frames, _) = try await self.exchange(bytes, untilFrames: 2)
    #expect(
      frames.last == .trailers(streamID: 1, CallTrailers(code: 13, message: "received a corrupt compressed message")))
  }
}
