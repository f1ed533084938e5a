import GRPCCore
import Testing
import WireTesting

@testable import OrderTransport

@Suite("GOAWAY, shutdown and reconnection", .timeLimit(.minutes(5)))
struct ShutdownTests {
  @Test("after GOAWAY, calls in flight complete and new calls use a new connection")
  func goAwayMovesNewCallsToNewConnection() async throws {
    let probe = Probe()
    try await withEcho(probe: probe) { client, server in
      let firstPeer = try await client.echo("0", method: EchoService.Method.slow)
      async let inFlight = client.echo("300", method: EchoService.Method.slow)
      #expect(await probe.wait(until: { $0.count >= 2 }))
      server.drainConnections()
      // A call that raced the GOAWAY is refused as UNAVAILABLE, which the retry policy retries.
      let newPeer = try await client.echo("0", method: EchoService.Method.slow, options: .retryingUnavailable)
      let inFlightPeer = try await inFlight
      #expect(inFlightPeer == firstPeer)
      #expect(newPeer != firstPeer)
    }
  }

  @Test("graceful server shutdown lets in-flight calls finish; later calls fail UNAVAILABLE")
  func gracefulShutdown() async throws {
    let serverTransport = WireTransport.Server(address: .ipv4(host: "127.0.0.1", port: 0))
    let probe = Probe()
    let server = GRPCServer(transport: serverTransport, services: [EchoService(probe: probe)])
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await server.serve() }
      let port = try await serverTransport.listeningAddress.port
      let clientTransport = WireTransport.Client(target: .ipv4(host: "127.0.0.1", port: port))
      try await withGRPCClient(transport: clientTransport) { client in
        _ = try await client.echo("warm up")
        async let inFlight = client.echo("300", method: EchoService.Method.slow)
        #expect(await probe.wait(for: "slow started"))
        server.beginGracefulShutdown()
        let peer = try await inFlight
        #expect(peer.hasPrefix("ipv4:127.0.0.1:"))
        try await group.next()  // serve() returns once the last call ended
        let error = await #expect(throws: RPCError.self) { try await client.echo("late") }
        #expect(error?.code == .unavailable)
      }
    }
  }

  /// Runs an echo server on `port` while `body` runs. The port may stay taken for a moment
  /// after the previous server returned, longer on a loaded machine (2 s of retries were once
  /// too short), so binding is retried for up to 30 s.
  static func serve(on port: Int, _ body: () async throws -> Void) async throws {
    for attempt in 1...300 {
      let server = WireTransport.Server(address: .ipv4(host: "127.0.0.1", port: port))
      do {
        try await withGRPCServer(transport: server, services: [EchoService(probe: Probe())]) { _ in
          _ = try await server.listeningAddress
          try await body()
        }
        return
      } catch  where "\(error)".contains("Address already in use") && attempt < 300 {
        try await Task.sleep(for: .milliseconds(100))
      }
    }
  }

  @Test("the client reconnects after the connection dropped")
  func reconnects() async throws {
    // A port nothing else in this test process can take while no server listens on it
    // (another try if it turns out taken).
    var bound: Int?
    for _ in 0..<5 where bound == nil {
      let first = WireTransport.Server(address: .ipv4(host: "127.0.0.1", port: TestPorts.restartable()))
      bound = try? await withGRPCServer(transport: first, services: [EchoService(probe: Probe())]) { _ in
        try await first.listeningAddress.port
      }
    }
    let port = try #require(bound)
    let clientTransport = WireTransport.Client(target: .ipv4(host: "127.0.0.1", port: port))
    try await withGRPCClient(transport: clientTransport) { client in
      try await Self.serve(on: port) {
        let one = try await client.echo("one")
        #expect(one == "one")
      }
      // That server is gone: the call fails as retryable.
      let error = await #expect(throws: RPCError.self) { try await client.echo("none") }
      #expect(error?.code == .unavailable)
      try await Self.serve(on: port) {
        let two = try await client.echo("two")
        #expect(two == "two")
      }
    }
  }
}
