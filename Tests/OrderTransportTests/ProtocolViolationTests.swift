import GRPCCore
import NIOCore
import OrderTransport
import OrderWire
import Testing

@Suite("Protocol violations get GOAWAY, then close", .timeLimit(.minutes(5)))
struct ProtocolViolationTests {
  /// Sends `bytes` to a fresh echo server; returns the GOAWAY received and whether the
  /// server then closed the connection.
  func goAway(after bytes: ByteBuffer) async throws -> (GoAway?, closed: Bool) {
    try await withEcho { _, server in
      let port = try await server.listeningAddress.port
      let raw = try await RawConnection.connect(port: port)
      let (frames, closed) = try await raw.exchange(bytes)
      #expect(frames.first == .preface(Preface(capabilities: .acceptsZlib, maxConcurrentStreams: 100)))
      for case .goAway(let goAway) in frames { return (goAway, closed) }
      return (nil, closed)
    }
  }

  @Test("a bad preface gets GOAWAY BAD_PREFACE with a clear message, then close")
  func badPreface() async throws {
    let (goAway, closed) = try await self.goAway(after: ByteBuffer(string: "GET / HTTP/1.1\r\n\r\n"))
    #expect(goAway?.code == .badPreface)
    #expect(goAway?.message.contains("expected the magic 'ORDW'") == true)
    #expect(closed)
  }

  @Test("an unknown version gets GOAWAY UNSUPPORTED_VERSION naming both versions, then close")
  func unknownVersion() async throws {
    var bytes = ByteBuffer()
    bytes.write(.preface(Preface(version: 7)))
    let (goAway, closed) = try await self.goAway(after: bytes)
    #expect(goAway?.code == .unsupportedVersion)
    #expect(goAway?.message == "unsupported protocol version 7: this endpoint speaks version 1")
    #expect(closed)
  }

  @Test("a reused stream id gets GOAWAY PROTOCOL_ERROR, then close")
  func streamIDReuse() async throws {
    var bytes = ByteBuffer.clientPreface
    let headers = CallHeaders(path: "/echo.Echo/Get")
    bytes.write(.headers(streamID: 3, headers, endStream: true))
    bytes.write(.headers(streamID: 1, headers, endStream: true))
    let (goAway, closed) = try await self.goAway(after: bytes)
    #expect(goAway?.code == .protocolError)
    #expect(goAway?.lastStreamID == 3)
    #expect(closed)
  }

  @Test("an unknown frame type gets GOAWAY PROTOCOL_ERROR")
  func unknownFrameType() async throws {
    var bytes = ByteBuffer.clientPreface
    bytes.writeFrameHeader(FrameHeader(length: 0, type: FrameType(rawValue: 0x42), streamID: 1))
    let (goAway, closed) = try await self.goAway(after: bytes)
    #expect(goAway?.code == .protocolError)
    #expect(goAway?.message == "unknown frame type 0x42")
    #expect(closed)
  }

  @Test("an oversized frame gets GOAWAY FRAME_SIZE_ERROR from its header alone")
  func oversizedFrame() async throws {
    var bytes = ByteBuffer.clientPreface
    bytes.write(.headers(streamID: 1, CallHeaders(path: "/echo.Echo/Get"), endStream: false))
    bytes.writeFrameHeader(FrameHeader(length: 64 << 20, type: .message, streamID: 1))
    let (goAway, closed) = try await self.goAway(after: bytes)
    #expect(goAway?.code == .frameSizeError)
    #expect(closed)
  }

  @Test("garbage after a valid preface never takes the server down")
  func garbage() async throws {
    try await withEcho { client, server in
      let port = try await server.listeningAddress.port
      var generator = SystemRandomNumberGenerator()
      for _ in 0..<20 {
        var bytes = ByteBuffer.clientPreface
        for _ in 0..<4 {
          bytes.writeMultipleIntegers(
            UInt32.random(in: 0...24, using: &generator),
            UInt8.random(in: 0...7, using: &generator),
            UInt8.random(in: 0...7, using: &generator),
            UInt32.random(in: 0...5, using: &generator)
          )
          bytes.writeBytes((0..<24).map { _ in UInt8.random(in: 0...255, using: &generator) })
        }
        let raw = try await RawConnection.connect(port: port)
        _ = try await raw.exchange(bytes)
      }
      let echoed = try await client.echo("still serving")
      #expect(echoed == "still serving")
    }
  }

  @Test("a PING is answered with the same data and ACK")
  func ping() async throws {
    try await withEcho { _, server in
      let raw = try await RawConnection.connect(port: try await server.listeningAddress.port)
      var bytes = ByteBuffer.clientPreface
      bytes.write(.ping(data: 0xDEAD_BEEF, ack: false))
      let (frames, _) = try await raw.exchange(bytes, untilFrames: 2)
      #expect(frames.last == .ping(data: 0xDEAD_BEEF, ack: true))
    }
  }

  @Test("a raw client can make a whole call from the specification alone")
  func rawCall() async throws {
    try await withEcho { _, server in
      let raw = try await RawConnection.connect(port: try await server.listeningAddress.port)
      var bytes = ByteBuffer.clientPreface
      bytes.write(.headers(streamID: 1, CallHeaders(path: "/echo.Echo/Get"), endStream: false))
      bytes.write(.message(streamID: 1, .data(ByteBuffer(string: "hi"), endStream: true)))
      let (frames, _) = try await raw.exchange(bytes, untilFrames: 4)
      #expect(frames.count == 4)
      #expect(frames.dropFirst().first == .headers(streamID: 1, CallHeaders(), endStream: false))
      #expect(frames.dropFirst(2).first == .message(streamID: 1, .data(ByteBuffer(string: "hi"))))
      #expect(frames.last == .trailers(streamID: 1, CallTrailers(code: 0)))
    }
  }
}
