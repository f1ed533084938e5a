import GRPCCore
import OrderClient
import OrderProtocol
import Testing

@Suite("Retries and deadlines", .timeLimit(.minutes(5)))
struct RetryTests {
  @Test("UNAVAILABLE is retried until an attempt answers")
  func unavailableIsRetried() async throws {
    let service = FlakyClockService(failures: 2)
    _ = try await withInProcessClient(serving: [service]) { client in
      try await client.getClock()
    }
    #expect(service.seen.count == 3)
  }

  @Test("Other errors are not retried")
  func otherErrorsAreFinal() async throws {
    let service = FlakyClockService(error: RPCError(code: .permissionDenied, message: "root admins only"))
    await #expect(throws: RPCError(code: .permissionDenied, message: "root admins only")) {
      try await withInProcessClient(serving: [service]) { client in
        _ = try await client.advanceClock(Orders_V1_AdvanceClockRequest())
      }
    }
    #expect(service.seen.count == 1)
  }

  @Test("Retries stop after the policy's attempts")
  func attemptsAreBounded() async throws {
    let service = FlakyClockService(failures: .max)
    let policy = CallRetryPolicy(maxAttempts: 3, initialBackoff: .milliseconds(1))
    await #expect {
      try await withInProcessClient(serving: [service], retry: policy) { try await $0.getClock() }
    } throws: { ($0 as? RPCError)?.code == .unavailable }
    #expect(service.seen.count == 3)
  }

  @Test("Retries stop before the call's deadline")
  func retriesRespectTheDeadline() async throws {
    let service = FlakyClockService(failures: .max)
    let policy = CallRetryPolicy(maxAttempts: 1_000, initialBackoff: .milliseconds(40), maxBackoff: .milliseconds(40))
    await #expect {
      try await withInProcessClient(serving: [service], retry: policy) { client in
        try await client.getClock(timeout: .milliseconds(300))
      }
    } throws: {
      // The last attempt's UNAVAILABLE, or DEADLINE_EXCEEDED when the deadline falls inside an attempt.
      [.unavailable, .deadlineExceeded].contains(($0 as? RPCError)?.code)
    }
    // 300 ms hold about 8 attempts 40 ms apart; a client that ignored the deadline would make
    // all 1,000. Counted, not timed: a starved test process takes longer, never more attempts.
    #expect(service.seen.count < 20)
  }

  @Test("Backoff grows, is capped, and ends with the attempts")
  func backoff() throws {
    let policy = CallRetryPolicy(
      maxAttempts: 5, initialBackoff: .milliseconds(100), maxBackoff: .milliseconds(300), backoffMultiplier: 2)
    let first = try #require(policy.backoff(afterAttempt: 1))
    let fourth = try #require(policy.backoff(afterAttempt: 4))
    #expect(first >= .milliseconds(80) && first <= .milliseconds(120))
    #expect(fourth >= .milliseconds(240) && fourth <= .milliseconds(360))
    #expect(policy.backoff(afterAttempt: 5) == nil)
    #expect(CallRetryPolicy.none.backoff(afterAttempt: 1) == nil)
  }
}
