import GRPCCore
import NIOCore
import OrderTransport
import OrderWire
import Testing
import WireTesting

/// What the server does on its own about stuck and too many peers (PROTOCOL.md §7–8), tested
/// over real sockets with a raw client that sends exactly the bytes of each case. The
/// timeouts (preface, idle, keepalive, deadlines) are tested on a virtual clock in
/// ``ServerConnectionTimerTests``.
@Suite("Connection hygiene over sockets: cap, buffers, compression", .timeLimit(.minutes(2)))
struct ConnectionHygieneTests {
  /// Runs an echo server with `configure` applied to its config and hands over its port.
  func withServer<T: Sendable>(
    probe: Probe = Probe(),
    _ configure: (inout WireTransport.ServerConfig) -> Void,
    _ body: (Int) async throws -> T
  ) async throws -> T {
    var config = WireTransport.ServerConfig()
    configure(&config)
    return try await withEcho(server: config, probe: probe) { _, server in
      try await body(try await server.listeningAddress.port)
    }
  }

  static func headers(_ method: MethodDescriptor, timeout: UInt64? = nil) -> CallHeaders {
    CallHeaders(path: "/\(method.fullyQualifiedMethod)", timeoutMicroseconds: timeout)
  }

  static func message(_ text: String, end: Bool = true) -> MessageFrame {
    .data(ByteBuffer(string: text), endStream: end)
  }

  @Test(
    "a HEADERS timeout near 2^64 neither stops the server nor shortens the call (issue 9)",
    arguments: [
      UInt64.max, 0xffff_ffff_ffff_fc18, 1 << 50, (1 << 50) - 1, 1 << 63,
    ] as [UInt64])
  func extremeTimeouts(timeout: UInt64) async throws {
    try await self.withServer({ _ in }) { port in
      try await RawSession.with(port: port) { session in
        try await session.send(
          .preface(Preface()),
          .headers(streamID: 1, Self.headers(EchoService.Method.get, timeout: timeout), endStream: false),
          .message(streamID: 1, Self.message("still here")))
        let trailers = await session.trailers(of: 1)
        #expect(trailers?.code == 0)
        #expect(session.frames.contains(.message(streamID: 1, .data(ByteBuffer(string: "still here")))))
      }
    }
  }

  @Test("over the connection cap, a new connection gets GOAWAY NO_ERROR at once; one closing makes room")
  func connectionCap() async throws {
    try await self.withServer({ $0.connections.maxConnections = 2 }) { port in
      try await RawSession.with(port: port) { first in
        try await first.send(.preface(Preface()))
        try await RawSession.with(port: port) { second in
          try await second.send(.preface(Preface()))
          // Both admitted: the server answers on them.
          try await second.send(
            .headers(streamID: 1, Self.headers(EchoService.Method.get), endStream: false),
            .message(streamID: 1, Self.message("in")))
          #expect(await second.trailers(of: 1)?.code == 0)
          try await RawSession.with(port: port) { third in
            let goAway = await third.goAway()
            #expect(goAway?.code == .noError)
            #expect(goAway?.lastStreamID == 0)
            #expect(goAway?.message.contains("too many connections (limit 2)") == true)
            #expect(await third.waitForClose())
          }
        }
        // The second one closed: a new connection gets served (the count drops when the
        // server has seen the close, so poll).
        var served = false
        for _ in 0..<200 where !served {
          // Still over the cap: the server refuses and closes, and the write may fail.
          served =
            (try? await RawSession.with(port: port) { next in
              try await next.send(
                .preface(Preface()),
                .headers(streamID: 1, Self.headers(EchoService.Method.get), endStream: false),
                .message(streamID: 1, Self.message("in")))
              return await next.trailers(of: 1)?.code == 0
            }) ?? false
          if !served { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(served)
      }
    }
  }

  @Test("requests never finished fill the connection's buffer: the next call fails RESOURCE_EXHAUSTED, the rest go on")
  func unfinishedRequestsAreBounded() async throws {
    try await self.withServer({
      $0.backpressure.connectionBufferSize = 64 << 10
      $0.backpressure.stalledCallTimeout = .milliseconds(200)
    }) { port in
      try await RawSession.with(port: port) { session in
        let chunk = String(repeating: "x", count: 40 << 10)
        try await session.send(
          .preface(Preface()),
          .headers(streamID: 1, Self.headers(EchoService.Method.collect), endStream: false),
          .message(streamID: 1, Self.message(chunk, end: false)),
          .headers(streamID: 3, Self.headers(EchoService.Method.collect), endStream: false),
          .message(streamID: 3, Self.message(chunk, end: false)))
        let refused = await session.trailers(of: 3)
        #expect(refused?.code == UInt32(Status.Code.resourceExhausted.rawValue))
        #expect(refused?.message.contains("not yet read or not finished") == true)
        // Finishing the first request lets it complete, and new calls are served.
        try await session.send(
          .message(streamID: 1, .endOfStream),
          .headers(streamID: 5, Self.headers(EchoService.Method.get), endStream: false),
          .message(streamID: 5, Self.message("small")))
        #expect(await session.trailers(of: 1)?.code == 0)
        #expect(await session.trailers(of: 5)?.code == 0)
      }
    }
  }

  @Test("a handler that never reads fails with RESOURCE_EXHAUSTED after the stall timeout; other calls go on")
  func stalledHandlerIsFailed() async throws {
    let probe = Probe()
    try await self.withServer(
      probe: probe,
      {
        $0.backpressure.streamBufferSize = 16 << 10
        $0.backpressure.stalledCallTimeout = .milliseconds(200)
      }
    ) { port in
      try await RawSession.with(port: port) { session in
        let chunk = String(repeating: "y", count: 10 << 10)
        try await session.send(
          .preface(Preface()),
          .headers(streamID: 1, Self.headers(EchoService.Method.ignore), endStream: false),
          .message(streamID: 1, Self.message(chunk, end: false)),
          .message(streamID: 1, Self.message(chunk, end: false)),
          .message(streamID: 1, Self.message(chunk, end: false)),
          .headers(streamID: 3, Self.headers(EchoService.Method.get), endStream: false),
          .message(streamID: 3, Self.message("behind it")))
        let stalled = await session.trailers(of: 1)
        #expect(stalled?.code == UInt32(Status.Code.resourceExhausted.rawValue))
        #expect(await session.trailers(of: 3)?.code == 0)
        #expect(await probe.wait(for: "ignore cancelled", timeout: .seconds(20)))
      }
    }
  }

  @Test("responses are compressed when the client's preface accepts zlib")
  func responsesCompressed() async throws {
    try await self.withServer({ _ in }) { port in
      try await RawSession.with(port: port) { session in
        try await session.send(
          .preface(Preface(capabilities: .acceptsZlib)),
          .headers(streamID: 1, Self.headers(EchoService.Method.zeros), endStream: false),
          .message(streamID: 1, Self.message("7000")))
        #expect(await session.trailers(of: 1)?.code == 0)
        let response = session.frames.compactMap { frame -> MessageFrame? in
          if case .message(1, let message) = frame { return message }
          return nil
        }.first
        #expect(response?.isCompressed == true)
        #expect((response?.bytes.readableBytes ?? .max) < 7000)
      }
    }
  }

  @Test("a zlib request cut after a sync flush (no Adler-32) is refused, not half-applied")
  func truncatedZlibRefused() async throws {
    // zlib of 620 bytes flushed with Z_SYNC_FLUSH and cut there: valid blocks, no end.
    let cut: [UInt8] = Array(hex: "789cca48cdc9c957c8c020f38b52528b52b0488c4a8f4a93290d000000ffff")
    try await self.withServer({ _ in }) { port in
      try await RawSession.with(port: port) { session in
        try await session.send(
          .preface(Preface(capabilities: .acceptsZlib)),
          .headers(streamID: 1, Self.headers(EchoService.Method.get), endStream: false),
          .message(streamID: 1, .data(ByteBuffer(bytes: cut), compressed: true, endStream: true)))
        let trailers = await session.trailers(of: 1)
        #expect(trailers?.code == UInt32(Status.Code.internalError.rawValue))
        #expect(trailers?.message.contains("corrupt compressed message") == true)
        #expect(!session.frames.contains { if case .message = $0 { true } else { false } })
      }
    }
  }
}

extension Array where Element == UInt8 {
  init(hex: String) {
    var bytes: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
      let next = hex.index(index, offsetBy: 2)
      bytes.append(UInt8(hex[index..<next], radix: 16)!)
      index = next
    }
    self = bytes
  }
}
