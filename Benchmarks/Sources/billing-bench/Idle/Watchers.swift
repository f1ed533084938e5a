import BenchSupport
import GRPCCore
import OrderClient
import Synchronization

extension ClientPool {
  /// Runs `count` WatchNotifications streams from position 0 while `body` runs, then cancels
  /// them. Watch `i` follows tenant `i mod tenants` with its admin key, on connection
  /// `i mod connections`.
  func withWatches<Result: Sendable>(
    count: Int,
    over tenants: [Tenant],
    tally: WatchTally,
    isolation: isolated (any Actor)? = #isolation,
    _ body: () async throws -> Result
  ) async throws -> Result {
    try await withThrowingDiscardingTaskGroup { group in
      for index in 0..<count {
        let client = self.client(apiKey: tenants[index % tenants.count].adminKey, connection: index)
        group.addTask {
          let first = FirstTime()
          do {
            try await client.watchNotifications(
              after: 0,
              onReconnect: { _, _, _ in tally.reconnects.add(1, ordering: .relaxed) },
              onNotification: { _ in
                tally.delivered.add(1, ordering: .relaxed)
                if first.claim() { tally.established.add(1, ordering: .relaxed) }
              })
          } catch is CancellationError {
          } catch let error as RPCError where error.code == .cancelled {
          } catch {
            tally.failed(error)
          }
        }
      }
      let result = try await body()
      group.cancelAll()
      return result
    }
  }
}
