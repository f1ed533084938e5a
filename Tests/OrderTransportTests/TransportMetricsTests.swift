import GRPCCore
import MetricsTestKit
import OrderTransport
import Testing

/// Issue 12: the server transport's gauges of open connections and open streams.
@Suite("Transport metrics", .timeLimit(.minutes(2)))
struct TransportMetricsTests {
  @Test("a connection counts while open and a call while it runs; both go back to 0")
  func openConnectionsAndStreams() async throws {
    let metrics = TestMetrics()
    var config = WireTransport.ServerConfig()
    config.metrics = TransportMetrics(factory: metrics)
    let probe = Probe()
    try await withEcho(server: config, probe: probe) { client, _ in
      #expect(try await client.echo("hello") == "hello")
      let connections = try metrics.expectMeter("orderd_connections_open")
      #expect(connections.lastValue == 1)
      let streams = try metrics.expectMeter("orderd_streams_open")
      #expect(streams.values.max() == 1)
      let waiting = Task { try await client.echo("", method: EchoService.Method.wait) }
      #expect(await probe.wait(for: "started"))
      // The first call's stream may still be ending on the server: poll, with a deadline.
      let deadline = ContinuousClock.now + .seconds(10)
      while streams.lastValue != 1, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
      #expect(streams.lastValue == 1)
      waiting.cancel()
      _ = try? await waiting.value
    }
    #expect(try metrics.expectMeter("orderd_connections_open").lastValue == 0)
    #expect(try metrics.expectMeter("orderd_streams_open").lastValue == 0)
  }
}
