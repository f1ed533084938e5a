import BenchSupport
import OrderClient

/// What one organization shows after the billing run, as its admin reads it.
struct TenantTally: Sendable {
  var log: NotificationCounts
  var unfinished: [String: Int]

  static func read(from client: OrderdTCPClient) async throws -> TenantTally {
    TenantTally(
      log: try await NotificationCounts.read(from: client), unfinished: try await UnfinishedOrders.read(from: client))
  }
}
