import GRPCCore
import OrderClient

/// Runs the bench: `connections` clients, `concurrency` workers on each, each worker making
/// one call at a time until the duration is up.
struct BenchRunner: Sendable {
  let call: BenchCall
  let connections: Int
  let concurrency: Int
  let duration: Duration

  func run(configuration: OrderdClientConfiguration) async throws -> (BenchResult, Duration) {
    try await Self.withClients(self.connections, configuration: configuration) { clients in
      let start = ContinuousClock.now
      let end = start.advanced(by: self.duration)
      let result = await withTaskGroup(of: BenchResult.self) { group in
        for (index, client) in clients.enumerated() {
          for slot in 0..<self.concurrency {
            let worker = index * self.concurrency + slot
            group.addTask { await self.work(client: client, worker: worker, until: end) }
          }
        }
        var total = BenchResult()
        for await result in group { total.merge(result) }
        return total
      }
      return (result, start.duration(to: .now))
    }
  }

  private func work(client: OrderdTCPClient, worker: Int, until end: ContinuousClock.Instant) async -> BenchResult {
    var result = BenchResult()
    var sequence = 0
    while ContinuousClock.now < end && !Task.isCancelled {
      let started = ContinuousClock.now
      do {
        try await self.call.perform(on: client, worker: worker, sequence: sequence)
        result.latencies.record(started.duration(to: .now))
      } catch {
        result.errors += 1
        if result.firstError == nil {
          result.firstError = (error as? RPCError) ?? RPCError(code: .unknown, message: "\(error)")
        }
      }
      sequence += 1
    }
    return result
  }

  /// Opens `count` connections, one nested in the other, and runs `body` with all of them.
  private static func withClients<Result: Sendable>(
    _ count: Int,
    configuration: OrderdClientConfiguration,
    opened: [OrderdTCPClient] = [],
    _ body: ([OrderdTCPClient]) async throws -> Result
  ) async throws -> Result {
    guard opened.count < count else { return try await body(opened) }
    return try await OrderdClient.withConnection(configuration) { client in
      try await Self.withClients(count, configuration: configuration, opened: opened + [client], body)
    }
  }
}
