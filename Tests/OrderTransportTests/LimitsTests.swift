import GRPCCore
import NIOCore
import OrderTransport
import OrderWire
import Testing

@Suite("Limits", .timeLimit(.minutes(5)))
struct LimitsTests {
  @Test("a stream past the server's limit is refused with UNAVAILABLE, safe to retry")
  func concurrencyLimit() async throws {
    try await withEcho(server: .init(maxConcurrentStreams: 2)) { _, server in
      // A raw client ignores the limit the server announced; the server holds the line.
      let raw = try await RawConnection.connect(port: try await server.listeningAddress.port)
      var bytes = ByteBuffer.clientPreface
      for id: UInt32 in [1, 3] {
        bytes.write(.headers(streamID: id, CallHeaders(path: "/echo.Echo/Wait"), endStream: true))
      }
      bytes.write(.headers(streamID: 5, CallHeaders(path: "/echo.Echo/Get"), endStream: true))
      let (frames, _) = try await raw.exchange(bytes, untilFrames: 2)
      let refusal = CallTrailers(
        code: UInt32(Status.Code.unavailable.rawValue),
        message: "too many concurrent calls on this connection (limit 2)"
      )
      #expect(frames.last == .trailers(streamID: 5, refusal))
    }
  }

  @Test("a request message over the limit fails locally with RESOURCE_EXHAUSTED")
  func oversizedRequest() async throws {
    try await withEcho { client, _ in
      let error = await #expect(throws: RPCError.self) {
        try await client.echo(String(repeating: "x", count: (4 << 20) + 1))
      }
      #expect(error?.code == .resourceExhausted)
      let after = try await client.echo("after")
      #expect(after == "after")
    }
  }

  @Test("a response over the server's limit fails the call with RESOURCE_EXHAUSTED")
  func oversizedResponse() async throws {
    try await withEcho { client, _ in
      let error = await #expect(throws: RPCError.self) {
        try await client.echo("\((4 << 20) + 1)", method: EchoService.Method.zeros)
      }
      #expect(error?.code == .resourceExhausted)
    }
  }
}

@Suite("Compression", .timeLimit(.minutes(5)))
struct CompressionTransportTests {
  static let compressing = WireTransport.Compression(compressOutbound: true)

  @Test("compressed requests and responses round-trip")
  func roundTrip() async throws {
    try await withEcho(
      server: .init(compression: Self.compressing),
      client: .init(compression: Self.compressing)
    ) { client, _ in
      let message = String(repeating: "compress me ", count: 10_000)
      for _ in 0..<3 {
        let echoed = try await client.echo(message)
        #expect(echoed == message)
      }
    }
  }

  @Test("the server compresses a response only if the client's preface accepted zlib", arguments: [true, false])
  func negotiation(clientAcceptsZlib: Bool) async throws {
    try await withEcho(server: .init(compression: Self.compressing)) { _, server in
      let raw = try await RawConnection.connect(port: try await server.listeningAddress.port)
      var bytes = ByteBuffer()
      bytes.write(.preface(Preface(capabilities: clientAcceptsZlib ? .acceptsZlib : [])))
      bytes.write(.headers(streamID: 1, CallHeaders(path: "/echo.Echo/Zeros"), endStream: false))
      bytes.write(.message(streamID: 1, .data(ByteBuffer(string: "10000"), endStream: true)))
      let (frames, _) = try await raw.exchange(bytes, untilFrames: 4)
      guard case .message(_, let message) = frames.dropFirst(2).first else {
        Issue.record("expected a MESSAGE, got \(frames)")
        return
      }
      #expect(message.isCompressed == clientAcceptsZlib)
      #expect(message.bytes.readableBytes < 10000 || !clientAcceptsZlib)
    }
  }

  @Test("a client that does not accept compression gets uncompressed responses")
  func notAccepted() async throws {
    try await withEcho(
      server: .init(compression: Self.compressing),
      client: .init(compression: .init(acceptsCompressedMessages: false))
    ) { client, _ in
      let message = String(repeating: "plain ", count: 10_000)
      let echoed = try await client.echo(message)
      #expect(echoed == message)
    }
  }

  @Test("a compressed response that inflates past the client's limit fails with RESOURCE_EXHAUSTED")
  func responseBomb() async throws {
    try await withEcho(
      server: .init(limits: .init(maxMessageSize: 64 << 20), compression: Self.compressing),
      client: .init(limits: .init(maxMessageSize: 1 << 20))
    ) { client, _ in
      let error = await #expect(throws: RPCError.self) {
        try await client.echo("\(32 << 20)", method: EchoService.Method.zeros)
      }
      #expect(error?.code == .resourceExhausted)
      #expect(error?.message == "decompressed message exceeds the limit of 1048576 bytes")
      let after = try await client.echo("after")
      #expect(after == "after")
    }
  }

  @Test("a compressed request that inflates past the server's limit fails with RESOURCE_EXHAUSTED")
  func requestBomb() async throws {
    try await withEcho(
      server: .init(limits: .init(maxMessageSize: 1 << 20)),
      client: .init(limits: .init(maxMessageSize: 64 << 20), compression: Self.compressing)
    ) { client, _ in
      _ = try await client.echo("warm up: the server's preface announces zlib")
      let error = await #expect(throws: RPCError.self) {
        try await client.echo(String(repeating: "\0", count: 32 << 20))
      }
      #expect(error?.code == .resourceExhausted)
      // Refused by the server while inflating, not by the client before sending.
      #expect(error?.message == "decompressed message exceeds the limit of 1048576 bytes")
    }
  }
}
