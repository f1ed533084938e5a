import GRPCCore
import OrderTransport
import Testing

@Suite("Deadlines and cancellation", .timeLimit(.minutes(5)))
struct DeadlineAndCancellationTests {
  @Test("an expired deadline fails the call with DEADLINE_EXCEEDED and cancels the handler")
  func deadline() async throws {
    let probe = Probe()
    try await withEcho(probe: probe) { client, _ in
      _ = try await client.echo("connect first, so the deadline is spent in the handler")
      var options = CallOptions.defaults
      options.timeout = .milliseconds(300)
      let error = await #expect(throws: RPCError.self) {
        try await client.echo("", method: EchoService.Method.wait, options: options)
      }
      #expect(error?.code == .deadlineExceeded)
      let cancelled = await probe.wait(for: "cancelled")
      let events = await probe.events
      #expect(cancelled, "handler saw: \(events)")
    }
  }

  @Test("cancelling the client's task sends CANCEL and the server handler is cancelled")
  func clientCancel() async throws {
    let probe = Probe()
    try await withEcho(probe: probe) { client, _ in
      let call = Task {
        try await client.echo("", method: EchoService.Method.wait)
      }
      #expect(await probe.wait(for: "started"))
      call.cancel()
      _ = await call.result
      #expect(await probe.wait(for: "cancelled"))
      let after = try await client.echo("still fine")
      #expect(after == "still fine")
    }
  }
}
