import OrderDomain
import Testing

@Suite("Backoff", .timeLimit(.minutes(1)))
struct BackoffTests {
  @Test("the first wait doubles with each failure in a row, up to the maximum")
  func doubling() {
    let backoff = Backoff(first: .seconds(2), maximum: .seconds(60))
    #expect((0...7).map { backoff.delay(afterFailures: $0) } == [2, 2, 4, 8, 16, 32, 60, 60].map { .seconds($0) })
    #expect(backoff.delay(afterFailures: 10_000) == .seconds(60))
  }

  @Test("job retries wait 5 s, doubling to an hour, as they always did")
  func jobRetry() {
    #expect(
      [1, 2, 3, 10, 11, 50].map { Backoff.jobRetry.seconds(afterFailures: $0) } == [5, 10, 20, 2560, 3600, 3600])
  }

  @Test("a failing registry is retried after 1 s, doubling to 30 s")
  func registryRetry() {
    #expect(
      (1...7).map { Backoff.registryRetry.delay(afterFailures: $0) } == [1, 2, 4, 8, 16, 30, 30].map { .seconds($0) })
  }

  @Test("fractions of a second are kept")
  func fractions() {
    #expect(Backoff(first: .milliseconds(200), maximum: .seconds(1)).seconds(afterFailures: 2) == 0.4)
  }
}
